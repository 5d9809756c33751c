package org.yibao.messaging.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.contracts.Topics;
import org.yibao.messaging.consumer.BatchGathering;
import org.yibao.messaging.consumer.DeadLetterRecoverer;
import org.yibao.messaging.consumer.EventHandler;
import org.yibao.messaging.consumer.IdempotentEventDispatcher;
import org.yibao.messaging.consumer.PoisonEventException;
import org.yibao.messaging.outbox.MessagingHousekeeping;
import org.yibao.messaging.outbox.OutboxRelay;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.messaging.tracing.EventTracing;
import org.yibao.messaging.tracing.MicrometerEventTracing;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wires the outbox, its relay, the idempotent consumer and the dead-letter handling into every
 * service that has this library on its class path. A service only writes {@link OutboxWriter#append}
 * calls and {@link EventHandler} beans.
 */
@AutoConfiguration
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    MessagingSchema messagingSchema(DataSource dataSource) {
        return new MessagingSchema(dataSource);
    }

    @Bean
    MessagingKafka messagingKafka(KafkaProperties kafka, ObjectProvider<MeterRegistry> meters) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        producer.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        producer.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // fail fast enough that a broker outage shows as a relay retry, not a hung transaction
        producer.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        producer.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        producer.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        DefaultKafkaProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(producer);
        factory.addListener(new MicrometerProducerListener<>(meters.getIfAvailable(SimpleMeterRegistry::new)));
        return new MessagingKafka(new KafkaTemplate<>(factory));
    }

    @Bean
    OutboxRelay outboxRelay(MessagingSchema schema, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                            MessagingKafka kafka, MessagingProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactions), kafka.template(), properties.getRelay(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    OutboxWriter outboxWriter(MessagingSchema schema, JdbcTemplate jdbc, JsonMapper json, Environment environment,
                              OutboxRelay relay, EventTracing tracing) {
        return new OutboxWriter(jdbc, json, applicationName(environment), relay::wakeUp, tracing);
    }

    /** Traces carried across the outbox when the application has a tracer (Micrometer Tracing), else none. */
    @Bean
    EventTracing eventTracing(ObjectProvider<io.micrometer.tracing.Tracer> tracer,
                              ObjectProvider<io.micrometer.tracing.propagation.Propagator> propagator) {
        io.micrometer.tracing.Tracer t = tracer.getIfAvailable();
        io.micrometer.tracing.propagation.Propagator p = propagator.getIfAvailable();
        return t == null || p == null || t == io.micrometer.tracing.Tracer.NOOP ? EventTracing.NONE : new MicrometerEventTracing(t, p);
    }

    @Bean
    MessagingHousekeeping messagingHousekeeping(MessagingSchema schema, JdbcTemplate jdbc, OutboxRelay relay,
                                                MessagingProperties properties) {
        return new MessagingHousekeeping(jdbc, relay, properties.getHousekeeping());
    }

    @Bean
    IdempotentEventDispatcher idempotentEventDispatcher(MessagingSchema schema, ObjectProvider<EventHandler<?>> handlers,
                                                        JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                                        JsonMapper json, MessagingProperties properties,
                                                        Environment environment, ObjectProvider<MeterRegistry> meters,
                                                        EventTracing tracing) {
        return new IdempotentEventDispatcher(handlers.orderedStream().toList(),
                consumerGroup(properties, environment), jdbc, new TransactionTemplate(transactions), json,
                meters.getIfAvailable(SimpleMeterRegistry::new), tracing);
    }

    /** One listener container for all the service's handlers; absent when the service consumes nothing. */
    @Bean
    @ConditionalOnProperty(name = "yibao.messaging.consumer.enabled", havingValue = "true", matchIfMissing = true)
    EventConsumerContainer eventConsumerContainer(IdempotentEventDispatcher dispatcher, KafkaProperties kafka,
                                                  MessagingKafka messagingKafka, MessagingProperties properties,
                                                  Environment environment, ObjectProvider<MeterRegistry> meters) {
        if (!dispatcher.hasHandlers()) {
            return EventConsumerContainer.none();
        }
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        MessagingProperties.Consumer settings = properties.getConsumer();
        String group = consumerGroup(properties, environment);

        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) settings.getMaxPollInterval().toMillis());
        // an idle consumer's fetch waits at the broker this long for a first record (answered at once when one comes):
        // Kafka's 500 ms default made every idle consumer of the platform ask twice a second (docs/benchmarks.md §18). The
        // price: after a seek (a failed record retried, a rebalance) the next fetch may wait for the one still parked at
        // the broker, so each retry of a failing record can come up to this much later than its back-off says
        consumer.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 2_000);
        DefaultKafkaConsumerFactory<String, String> factory = new DefaultKafkaConsumerFactory<>(consumer);
        factory.addListener(new MicrometerConsumerListener<>(registry));

        ContainerProperties container = new ContainerProperties(dispatcher.topics().toArray(String[]::new));
        container.setGroupId(group);
        // offsets only bound redelivery (the processed-event table decides what is new), so the consumer need not wait
        // for each commit before its next poll, nor commit after every poll: at most once per commit interval (and when
        // its partitions are taken away), which spares the broker a commit per poll of every consumer group
        // (docs/benchmarks.md §18); a restart re-reads at most that interval's records, each found processed
        container.setAckMode(ContainerProperties.AckMode.TIME);
        container.setAckTime(settings.getCommitInterval().toMillis());
        // an idle consumer's loop comes round (and commits what it applied) this often; it asks the broker nothing more
        container.setPollTimeout(settings.getCommitInterval().toMillis());
        container.setSyncCommits(false);
        // a busy consumer's records gathered into batches by a short wait after each batch; a lone event is not delayed
        BatchGathering gathering = new BatchGathering(settings.getBatchWait(), maxPollRecords(consumer));
        container.setMessageListener((BatchMessageListener<String, String>) records -> {
            long started = gathering.started();
            dispatcher.dispatchBatch(records);
            gathering.afterBatch(records, started);
        });
        container.setMicrometerEnabled(true);

        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(settings.getMaxAttempts() - 1);
        backOff.setInitialInterval(settings.getInitialBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(settings.getMaxBackoff().toMillis());
        DefaultErrorHandler errors = new DefaultErrorHandler(
                new DeadLetterRecoverer(messagingKafka.template(), registry, group), backOff);
        errors.addNotRetryableExceptions(PoisonEventException.class);
        // a transient fault (the database away, a lock lost) is tried again while it lasts, not dead-lettered after the
        // few quick attempts meant for a handler's own failure (ADR 0027)
        org.springframework.util.backoff.ExponentialBackOff whileTransient = new org.springframework.util.backoff.ExponentialBackOff(
                500, 2.0);
        whileTransient.setMaxInterval(5_000);
        whileTransient.setMaxElapsedTime(settings.getTransientRetryFor().toMillis());
        errors.setBackOffFunction((record, failure) -> org.yibao.faults.TransientFaults.isTransient(failure) ? whileTransient : null);

        ConcurrentMessageListenerContainer<String, String> listener = new ConcurrentMessageListenerContainer<>(factory, container);
        listener.setConcurrency(settings.getConcurrency());
        listener.setCommonErrorHandler(errors);
        listener.setBeanName(group + "-events");
        return new EventConsumerContainer(listener);
    }

    /** Every platform topic and its dead-letter topic, created at start-up where missing. */
    @Bean
    @ConditionalOnProperty(name = "yibao.messaging.topics.create", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics platformTopics(MessagingProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(TopicBuilder.name(topic).partitions(properties.getTopics().getPartitions())
                    .replicas(properties.getTopics().getReplicationFactor()).build());
            topics.add(TopicBuilder.name(Topics.deadLetter(topic)).partitions(properties.getTopics().getPartitions())
                    .replicas(properties.getTopics().getReplicationFactor()).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** The consumer's {@code max.poll.records}: Kafka's 500 unless spring.kafka.consumer sets it. */
    private static int maxPollRecords(Map<String, Object> consumer) {
        Object value = consumer.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG);
        return value == null ? ConsumerConfig.DEFAULT_MAX_POLL_RECORDS : Integer.parseInt(value.toString());
    }

    private static String consumerGroup(MessagingProperties properties, Environment environment) {
        String group = properties.getConsumer().getGroup();
        return group != null && !group.isBlank() ? group : applicationName(environment);
    }

    private static String applicationName(Environment environment) {
        String name = environment.getProperty("spring.application.name");
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("spring.application.name must be set: it names the event source and the consumer group");
        }
        return name;
    }

    /** The library's own producer; kept out of the context's KafkaTemplate beans on purpose. */
    public record MessagingKafka(KafkaTemplate<String, String> template) {
    }
}
