package org.yibao.launcher;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is checked the way
 * {@code docker compose config} would partly check it, and against the launcher: both must run the
 * same applications on the same ports with the same databases.
 */
class PlatformDefinitionsAgreeTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(REPO.resolve("docker-compose.yml")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeBuildsEveryApplicationFromItsModuleOnTheLaunchersPort() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        for (PlatformApp app : LocalPlatform.SERVICES) {
            Map<String, Object> service = (Map<String, Object>) services.get(app.name());
            assertThat(service).as(app.name() + " in docker-compose.yml").isNotNull();
            Map<String, Object> build = (Map<String, Object>) service.get("build");
            Map<String, Object> args = (Map<String, Object>) build.get("args");
            assertThat(args.get("MODULE")).isEqualTo(app.module());
            assertThat(REPO.resolve(app.module()).resolve("pom.xml")).exists();
            assertThat(REPO.resolve((String) build.get("dockerfile"))).exists();
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            assertThat(env.get("PORT")).isEqualTo(Integer.toString(app.port()));
            assertThat((String) env.get("DB_URL")).endsWith("/" + app.database());
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).as("merged from x-service").isEqualTo("kafka:9092");
            assertThat((Map<String, Object>) service.get("depends_on")).containsKeys("postgres", "kafka");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeGatewayReachesEveryServiceAndEveryDatabaseIsCreated() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, Object> gatewayEnv = (Map<String, Object>) ((Map<String, Object>) services.get("gateway")).get("environment");
        String initSql = Files.readString(REPO.resolve("infra/postgres/init-databases.sql"));
        String prometheus = Files.readString(REPO.resolve("infra/prometheus/prometheus.yml"));
        for (PlatformApp app : LocalPlatform.SERVICES) {
            assertThat(gatewayEnv.get(app.urlVariable())).isEqualTo("http://" + app.name() + ":" + app.port());
            assertThat(initSql).contains("create database " + app.database() + ";");
            assertThat(prometheus).contains("{names: [" + app.name() + "], type: A, port: " + app.port() + "}");
        }
        assertThat(prometheus).contains("{names: [gateway], type: A, port: 8090}");
        assertThat(initSql).as("the gateways' shared rate limits").contains("create database gateway;");
        assertThat(gatewayEnv).containsEntry("YIBAO_RATE_LIMIT_STORE", "postgresql");
    }

    @Test
    void everyServiceModuleIsOneTheLauncherStarts() throws IOException {
        String modules = Files.readString(REPO.resolve("pom.xml"));
        for (PlatformApp app : LocalPlatform.SERVICES) {
            assertThat(modules).contains("<module>" + app.module() + "</module>");
        }
        assertThat(modules).contains("<module>" + LocalPlatform.GATEWAY.module() + "</module>");
    }
}
