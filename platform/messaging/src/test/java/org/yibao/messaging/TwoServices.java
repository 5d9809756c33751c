package org.yibao.messaging;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.messaging.it.consumer.ConsumerApp;
import org.yibao.messaging.it.producer.ProducerApp;
import org.yibao.testsupport.infra.DatabaseServer;
import org.yibao.testsupport.infra.RealInfrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Starts the producer and consumer test services, each with its own database, on one broker. */
final class TwoServices {

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final String bootstrapServers;
    private final String producerDb;
    private final String consumerDb;
    private final Map<String, Object> consumerExtras;

    TwoServices(String bootstrapServers, Map<String, Object> consumerExtras) {
        this.bootstrapServers = bootstrapServers;
        int run = RUNS.incrementAndGet() + (int) (ProcessHandle.current().pid() % 1000) * 100;
        this.producerDb = "producer_" + run;
        this.consumerDb = "consumer_" + run;
        this.consumerExtras = consumerExtras;
        DatabaseServer postgres = RealInfrastructure.postgres();
        postgres.createDatabaseIfMissing(producerDb);
        postgres.createDatabaseIfMissing(consumerDb);
    }

    ConfigurableApplicationContext startProducer() {
        return start(ProducerApp.class, "it-producer", producerDb, "db/it-producer", Map.of());
    }

    ConfigurableApplicationContext startConsumer() {
        return start(ConsumerApp.class, "it-consumer", consumerDb, "db/it-consumer", consumerExtras);
    }

    private ConfigurableApplicationContext start(Class<?> app, String name, String database, String migrations,
                                                 Map<String, Object> extras) {
        DatabaseServer postgres = RealInfrastructure.postgres();
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "spring.application.name", name,
                "spring.datasource.url", postgres.jdbcUrl(database),
                "spring.datasource.username", postgres.username(),
                "spring.datasource.password", postgres.password(),
                "spring.flyway.locations", "classpath:" + migrations,
                "spring.kafka.bootstrap-servers", bootstrapServers,
                "yibao.messaging.relay.poll-interval", "100ms",
                "yibao.messaging.consumer.initial-backoff", "50ms",
                "yibao.messaging.consumer.max-backoff", "200ms"));
        properties.putAll(extras);
        return new SpringApplicationBuilder(app)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run();
    }

    /** Valid resident ids, distinct per index. */
    static List<String> persons(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String first17 = "441702" + "19800101" + String.format("%03d", i);
            ids.add(first17 + ResidentId.checkCharacter(first17));
        }
        return ids;
    }
}
