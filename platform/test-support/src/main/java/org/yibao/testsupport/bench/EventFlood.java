package org.yibao.testsupport.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.yibao.contracts.EventEnvelope;
import org.yibao.contracts.IntegrationEvent;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.function.IntFunction;

/**
 * Puts N events on their topic as fast as one producer can, as another service's relay would, and
 * waits until a running service's consumer has applied them all (its processed-events counter).
 */
public final class EventFlood {

    /** Seconds from the first send until the last event was produced, and until all were applied. */
    public record Timing(double producedSeconds, double appliedSeconds) {
    }

    private EventFlood() {
    }

    public static Timing publishAndAwait(String kafka, String service, String eventType, int count,
                                         IntFunction<IntegrationEvent> event) throws InterruptedException {
        JsonMapper json = JsonMapper.builder().build();
        double before = ServiceProbe.processedEvents(service, eventType);
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                IntegrationEvent e = event.apply(i);
                producer.send(new ProducerRecord<>(IntegrationEvent.typeOf(e.getClass()).topic(), e.partitionKey(),
                        json.writeValueAsString(EventEnvelope.wrap(e, "benchmark", null))));
            }
        }
        double produced = (System.nanoTime() - started) / 1e9;
        while (ServiceProbe.processedEvents(service, eventType) - before < count) {
            Thread.sleep(200);
        }
        return new Timing(produced, (System.nanoTime() - started) / 1e9);
    }
}
