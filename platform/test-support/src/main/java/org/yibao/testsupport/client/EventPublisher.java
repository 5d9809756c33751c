package org.yibao.testsupport.client;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.yibao.contracts.EventEnvelope;
import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.testsupport.infra.RealInfrastructure;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Publishes events to the test broker as another service's outbox relay would: enveloped, keyed by
 * the event's partition key, on its topic. Returns the envelope so a test can deliver it again (a
 * duplicate, as Kafka's at-least-once delivery may).
 */
public final class EventPublisher implements AutoCloseable {

    private final JsonMapper json;
    private final KafkaProducer<String, String> producer;

    public EventPublisher(JsonMapper json) {
        this(json, RealInfrastructure.kafkaBootstrapServers());
    }

    /** Publishing to a given broker, e.g. a running local platform's for a benchmark's set-up. */
    public EventPublisher(JsonMapper json, String bootstrapServers) {
        this.json = json;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer());
    }

    public EventEnvelope<IntegrationEvent> publish(IntegrationEvent event) {
        EventEnvelope<IntegrationEvent> envelope = EventEnvelope.wrap(event, "test", null);
        publish(envelope);
        return envelope;
    }

    /** Sends an envelope (again), waiting for the broker's acknowledgement. */
    public void publish(EventEnvelope<IntegrationEvent> envelope) {
        EventType type = IntegrationEvent.typeOf(envelope.payload().getClass());
        try {
            producer.send(new ProducerRecord<>(type.topic(), envelope.payload().partitionKey(),
                    json.writeValueAsString(envelope))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused the event", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
