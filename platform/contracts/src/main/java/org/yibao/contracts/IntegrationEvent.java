package org.yibao.contracts;

/**
 * An event one service publishes for others. Implementations are immutable records annotated
 * with {@link EventType}, named in the past tense.
 */
public interface IntegrationEvent {

    /**
     * The Kafka record key: the person (or institution) the event is about, so that one subject's
     * events stay in order in one partition.
     */
    String partitionKey();

    static EventType typeOf(Class<? extends IntegrationEvent> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalStateException(eventClass.getName() + " has no @EventType");
        }
        return type;
    }

    static String schemaPath(EventType type) {
        return "/schemas/" + type.name() + ".v" + type.version() + ".schema.json";
    }
}
