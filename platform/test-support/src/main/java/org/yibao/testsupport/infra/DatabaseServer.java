package org.yibao.testsupport.infra;

/** A PostgreSQL server that hands out one database per service (or per test context). */
public interface DatabaseServer extends AutoCloseable {

    String jdbcUrl(String database);

    String username();

    String password();

    void createDatabaseIfMissing(String database);

    @Override
    void close();
}
