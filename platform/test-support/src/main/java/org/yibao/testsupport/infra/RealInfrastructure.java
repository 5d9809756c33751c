package org.yibao.testsupport.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real PostgreSQL server and one real Kafka broker per test JVM, started on first use and
 * shared by every test context in it (each context gets its own database).
 *
 * <p>Which kind is chosen by {@code YIBAO_TEST_INFRA} (system property {@code yibao.test.infra}):
 * {@code containers} (Testcontainers, needs a Docker engine), {@code local} (embedded PostgreSQL
 * binaries and a Kafka broker process from the Kafka jars), or {@code auto} (the default:
 * containers when a Docker engine answers, local otherwise).
 */
public final class RealInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(RealInfrastructure.class);

    private static DatabaseServer postgres;
    private static String kafkaBootstrapServers;
    private static KafkaBroker localBroker;

    private RealInfrastructure() {
    }

    public static synchronized DatabaseServer postgres() {
        if (postgres == null) {
            postgres = useContainers() ? ContainerInfrastructure.postgres() : LocalPostgres.startTemporary();
            DatabaseServer server = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-stop"));
        }
        return postgres;
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrapServers == null) {
            if (useContainers()) {
                kafkaBootstrapServers = ContainerInfrastructure.kafka();
            } else {
                localBroker = KafkaBroker.startTemporary();
                KafkaBroker broker = localBroker;
                Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-stop"));
                kafkaBootstrapServers = localBroker.bootstrapServers();
            }
        }
        return kafkaBootstrapServers;
    }

    /**
     * The local Kafka broker's process id, for tests that pause it (SIGSTOP) as a stalled broker; empty when the broker
     * is a container or not started.
     */
    public static synchronized java.util.OptionalLong kafkaBrokerPid() {
        kafkaBootstrapServers();
        return localBroker == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(localBroker.pid());
    }

    private static Boolean containers;

    static synchronized boolean useContainers() {
        if (containers == null) {
            String mode = System.getProperty("yibao.test.infra", System.getenv().getOrDefault("YIBAO_TEST_INFRA", "auto"));
            containers = switch (mode) {
                case "containers" -> true;
                case "local" -> false;
                case "auto" -> dockerAnswers();
                default -> throw new IllegalArgumentException("YIBAO_TEST_INFRA must be auto, local or containers, not " + mode);
            };
            log.info("test infrastructure: {}", containers ? "Testcontainers (Docker)" : "local PostgreSQL binaries and Kafka broker process");
        }
        return containers;
    }

    private static boolean dockerAnswers() {
        boolean socket = Files.exists(Path.of("/var/run/docker.sock"));
        if (!socket && System.getenv("DOCKER_HOST") == null) {
            return false; // nothing to ask: skip Testcontainers' slower probing
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
