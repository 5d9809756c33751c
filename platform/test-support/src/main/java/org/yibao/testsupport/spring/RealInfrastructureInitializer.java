package org.yibao.testsupport.spring;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.yibao.testsupport.infra.DatabaseServer;
import org.yibao.testsupport.infra.RealInfrastructure;
import org.yibao.testsupport.security.TestCallers;
import org.springframework.util.ClassUtils;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Points a Spring Boot test context at the real PostgreSQL and Kafka of this JVM, with a database
 * of its own, so that contexts never see each other's rows, trusting the tokens of {@link TestCallers}.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String application = context.getEnvironment().getProperty("spring.application.name", "app");
        String database = (application.replaceAll("[^a-z0-9]", "_") + "_test_" + DATABASES.incrementAndGet())
                .toLowerCase();
        DatabaseServer postgres = RealInfrastructure.postgres();
        postgres.createDatabaseIfMissing(database);
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.datasource.url", postgres.jdbcUrl(database),
                "spring.datasource.username", postgres.username(),
                "spring.datasource.password", postgres.password(),
                "spring.kafka.bootstrap-servers", RealInfrastructure.kafkaBootstrapServers()));
        if (ClassUtils.isPresent("org.yibao.security.token.TokenIssuer", getClass().getClassLoader())) {
            // the service trusts the test key only: tests call it with TestCallers' tokens
            properties.put("yibao.security.jwt.jwk-set", TestCallers.publicKeySet());
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("yibao-real-infrastructure", properties));
    }
}
