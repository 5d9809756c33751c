package org.yibao.testsupport.infra;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The Docker path: the same PostgreSQL major version and an Apache Kafka KRaft broker as
 * containers. Loaded only when a Docker engine answers, so the Testcontainers classes are never
 * touched on machines without one.
 */
final class ContainerInfrastructure {

    private ContainerInfrastructure() {
    }

    static DatabaseServer postgres() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine")
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
        container.start();
        return new DatabaseServer() {
            @Override
            public String jdbcUrl(String database) {
                return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + database;
            }

            @Override
            public String username() {
                return container.getUsername();
            }

            @Override
            public String password() {
                return container.getPassword();
            }

            @Override
            public Connection adminConnection() throws SQLException {
                return DriverManager.getConnection(container.getJdbcUrl(), username(), password());
            }

            @Override
            public void close() {
                container.stop();
            }
        };
    }

    static String kafka() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.1.0");
        kafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop));
        return kafka.getBootstrapServers();
    }
}
