package org.yibao.testsupport.infra;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A PostgreSQL server that hands out one database per service (or per test context). */
public interface DatabaseServer extends AutoCloseable {

    String jdbcUrl(String database);

    String username();

    String password();

    /** A connection to the server's maintenance database, for creating databases. */
    Connection adminConnection() throws SQLException;

    default void createDatabaseIfMissing(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a safe database name: " + database);
        }
        try (Connection c = adminConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    @Override
    void close();
}
