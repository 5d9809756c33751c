package org.yibao.messaging.consumer;

import org.springframework.core.GenericTypeResolver;
import org.springframework.util.ClassUtils;
import org.yibao.contracts.IntegrationEvent;

import java.util.function.Consumer;

/**
 * Applies one type of integration event to the consuming service's state: one handler per event
 * type per service. A handler runs inside the transaction that also records the event as
 * processed, so its effect happens exactly once however often Kafka delivers the event. Throw to
 * have the event retried (a bounded number of times) and then dead-lettered.
 */
public interface EventHandler<E extends IntegrationEvent> {

    void handle(E event, EventMetadata metadata);

    @SuppressWarnings("unchecked")
    default Class<E> eventClass() {
        Class<?> resolved = GenericTypeResolver.resolveTypeArgument(ClassUtils.getUserClass(getClass()), EventHandler.class);
        if (resolved == null) {
            throw new IllegalStateException(getClass().getName() + " must name its event type or override eventClass()");
        }
        return (Class<E>) resolved;
    }

    /**
     * A handler from a function, for a service whose handlers only pass the event on:
     * {@code @Bean EventHandler<ClaimSettled> claimSettled(Tracking t) { return EventHandler.of(ClaimSettled.class, t::settled); }}
     */
    static <E extends IntegrationEvent> EventHandler<E> of(Class<E> type, Consumer<E> apply) {
        return new EventHandler<>() {
            @Override
            public void handle(E event, EventMetadata metadata) {
                apply.accept(event);
            }

            @Override
            public Class<E> eventClass() {
                return type;
            }

            @Override
            public String toString() {
                return "EventHandler.of(" + type.getSimpleName() + ")";
            }
        };
    }
}
