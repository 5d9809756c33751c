package org.yibao.contracts;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event record and its JSON Schema describe the same thing. */
class EventSchemaContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    static List<IntegrationEvent> events() {
        return SampleEvents.all();
    }

    @ParameterizedTest
    @MethodSource("events")
    void serialisedEventValidatesAgainstItsSchema(IntegrationEvent event) {
        JsonSchema schema = schemaFor(event.getClass());
        String json = JSON.writeValueAsString(event);

        Set<ValidationMessage> errors = schema.validate(json, InputFormat.JSON);

        assertThat(errors).as(json).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("events")
    void schemaNamesExactlyTheRecordsComponents(IntegrationEvent event) throws Exception {
        JsonNode schema = schemaTree(event.getClass());
        Set<String> components = Arrays.stream(event.getClass().getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toSet());
        Set<String> properties = new HashSet<>(schema.get("properties").propertyNames());
        Set<String> required = new HashSet<>();
        schema.get("required").forEach(n -> required.add(n.asString()));

        assertThat(properties).isEqualTo(components);
        assertThat(components).containsAll(required);
    }

    @ParameterizedTest
    @MethodSource("events")
    void eventRoundTripsThroughJson(IntegrationEvent event) {
        String json = JSON.writeValueAsString(event);

        Object back = JSON.readValue(json, event.getClass());

        assertThat(back).isEqualTo(event);
    }

    @Test
    void schemaRejectsMoneyAsAFloatAndAnInvalidPersonId() {
        JsonSchema schema = schemaFor(SampleEvents.all().get(0).getClass());
        String json = JSON.writeValueAsString(SampleEvents.all().get(0))
                .replace("\"464.90\"", "464.9")
                .replace(SampleEvents.PERSON, "12345");

        Set<ValidationMessage> errors = schema.validate(json, InputFormat.JSON);

        assertThat(errors).extracting(ValidationMessage::getInstanceLocation).map(Object::toString)
                .contains("$.amounts.total", "$.personId");
    }

    @Test
    void envelopeValidatesAgainstTheEnvelopeSchema() {
        JsonSchema schema = SCHEMAS.getSchema(resource("/schemas/EventEnvelope.schema.json"));
        IntegrationEvent payload = SampleEvents.all().get(0);
        EventEnvelope<IntegrationEvent> envelope = new EventEnvelope<>(UUID.randomUUID(), "ClaimSettled", 1,
                Instant.now(), payload.partitionKey(), "settlement-service", "req-1", payload);

        assertThat(schema.validate(JSON.writeValueAsString(envelope), InputFormat.JSON)).isEmpty();
        assertThat(schema.validate("{\"type\":\"ClaimSettled\"}", InputFormat.JSON)).isNotEmpty();
    }

    /**
     * Old consumers unaffected: a later version of a type only adds properties, so an event of it
     * validates against every earlier version's schema, and every earlier property keeps its definition.
     */
    @ParameterizedTest
    @MethodSource("events")
    void aLaterVersionOnlyAddsToEveryEarlierOne(IntegrationEvent event) throws Exception {
        EventType type = IntegrationEvent.typeOf(event.getClass());
        JsonNode latest = schemaTree(event.getClass());
        String json = JSON.writeValueAsString(event);
        for (int v = 1; v < type.version(); v++) {
            String path = "/schemas/" + type.name() + ".v" + v + ".schema.json";
            assertThat(SCHEMAS.getSchema(resource(path)).validate(json, InputFormat.JSON)).as(path).isEmpty();
            JsonNode earlier;
            try (InputStream in = resource(path)) {
                earlier = JSON.readTree(in);
            }
            for (String property : earlier.get("properties").propertyNames()) {
                JsonNode before = earlier.get("properties").get(property);
                JsonNode after = latest.get("properties").get(property);
                assertThat(after).as(path + " " + property + " is kept").isNotNull();
                if (!property.equals("rule")) { // an enum may gain constants
                    assertThat(after).as(path + " " + property + " keeps its definition").isEqualTo(before);
                }
            }
            assertThat(latest.get("required")).as(path + ": nothing newly required").isEqualTo(earlier.get("required"));
        }
    }

    @Test
    void everyEventTopicIsAKnownTopic() {
        for (IntegrationEvent event : SampleEvents.all()) {
            assertThat(Topics.ALL).contains(IntegrationEvent.typeOf(event.getClass()).topic());
        }
    }

    private static JsonSchema schemaFor(Class<? extends IntegrationEvent> type) {
        return SCHEMAS.getSchema(resource(IntegrationEvent.schemaPath(IntegrationEvent.typeOf(type))));
    }

    private static JsonNode schemaTree(Class<? extends IntegrationEvent> type) throws Exception {
        try (InputStream in = resource(IntegrationEvent.schemaPath(IntegrationEvent.typeOf(type)))) {
            return JSON.readTree(in);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = EventSchemaContractTest.class.getResourceAsStream(path);
        assertThat(in).as("schema " + path).isNotNull();
        return in;
    }
}
