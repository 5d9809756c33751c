package org.yibao.messaging.config;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The service's one Kafka listener container, or nothing when it has no event handlers. Exposed so
 * that tests and operators can stop and start consumption.
 */
public class EventConsumerContainer implements SmartLifecycle {

    private final ConcurrentMessageListenerContainer<String, String> container;

    EventConsumerContainer(ConcurrentMessageListenerContainer<String, String> container) {
        this.container = container;
    }

    static EventConsumerContainer none() {
        return new EventConsumerContainer(null);
    }

    @Override
    public void start() {
        if (container != null) {
            container.start();
        }
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return container != null && container.isRunning();
    }

    /** After the outbox relay has started, before it stops. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }
}
