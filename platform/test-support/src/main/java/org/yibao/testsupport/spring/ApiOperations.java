package org.yibao.testsupport.spring;

import org.yibao.contracts.identity.ResidentId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A service's operations as its OpenAPI document (springdoc, {@code /v3/api-docs}) declares them,
 * with what the generated tests need: a concrete path, a well-typed skeleton body, and every field
 * of that body by its path, so each can be replaced by a bad value.
 */
final class ApiOperations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One operation: method, path template, parameters, and the JSON body schema if it takes one. */
    record Operation(String method, String path, List<Parameter> parameters, JsonNode bodySchema, String bodyType) {

        String key() {
            return method + " " + path;
        }

        /** The path with every variable filled by a well-formed value for its type. */
        String concretePath(Map<String, String> overrides) {
            String concrete = path;
            for (Parameter p : parameters) {
                if (p.in().equals("path")) {
                    concrete = concrete.replace("{" + p.name() + "}", overrides.getOrDefault(p.name(), p.example()));
                }
            }
            StringBuilder query = new StringBuilder();
            for (Parameter p : parameters) {
                if (p.in().equals("query") && (p.required() || overrides.containsKey(p.name()))) {
                    query.append(query.isEmpty() ? "?" : "&").append(p.name()).append('=')
                            .append(overrides.getOrDefault(p.name(), p.example()));
                }
            }
            return concrete + query;
        }

        boolean takesJson() {
            return bodySchema != null;
        }
    }

    /** A path or query parameter and a well-formed example of it. */
    record Parameter(String name, String in, boolean required, String type, String format) {

        String example() {
            return switch (type == null ? "string" : type) {
                case "integer" -> name.toLowerCase().contains("year") ? "2026" : name.equals("limit") ? "10" : "1";
                case "number" -> "1";
                case "boolean" -> "true";
                default -> exampleString(name, format);
            };
        }
    }

    /** A field of a JSON body, by its path from the root ({@code lines[0].quantity}), and its schema. */
    record Field(String path, List<Object> steps, JsonNode schema) {
    }

    private final JsonNode document;

    ApiOperations(JsonNode document) {
        this.document = document;
    }

    List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            List<Parameter> parameters = new ArrayList<>();
            for (JsonNode p : op.getValue().path("parameters")) {
                JsonNode schema = resolve(p.path("schema"));
                parameters.add(new Parameter(p.path("name").asString(), p.path("in").asString(), p.path("required").asBoolean(false),
                        schema.path("type").asString(null), schema.path("format").asString(null)));
            }
            JsonNode content = op.getValue().path("requestBody").path("content");
            JsonNode bodySchema = null;
            String bodyType = null;
            if (content.has("application/json")) {
                bodySchema = resolve(content.path("application/json").path("schema"));
                bodyType = "application/json";
            } else if (content.isObject() && !content.isEmpty()) {
                bodyType = content.propertyNames().iterator().next();
            }
            operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), parameters, bodySchema, bodyType));
        }));
        return operations;
    }

    /** A body every field of which has a value of the declared type (not necessarily one the service accepts). */
    JsonNode skeleton(JsonNode schema) {
        return skeleton(resolve(schema), "", 0);
    }

    private JsonNode skeleton(JsonNode schema, String name, int depth) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        String type = typeOf(schema);
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties").properties().forEach(p -> object.set(p.getKey(), skeleton(p.getValue(), p.getKey(), depth + 1)));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(skeleton(schema.path("items"), name, depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(name.toLowerCase().contains("year") ? 2026 : 1);
            }
            case "number" -> {
                return NODES.numberNode(1);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return NODES.stringNode(exampleString(name, schema.path("format").asString(null)));
            }
        }
    }

    /** Every field of the body, depth first: object properties, and the first element of arrays. */
    List<Field> fields(JsonNode schema) {
        List<Field> fields = new ArrayList<>();
        collect(resolve(schema), "", new ArrayList<>(), fields, 0);
        return fields;
    }

    private void collect(JsonNode schema, String path, List<Object> steps, List<Field> into, int depth) {
        if (depth > 4) {
            return;
        }
        schema.path("properties").properties().forEach(p -> {
            JsonNode property = resolve(p.getValue());
            String fieldPath = path.isEmpty() ? p.getKey() : path + "." + p.getKey();
            List<Object> fieldSteps = new ArrayList<>(steps);
            fieldSteps.add(p.getKey());
            into.add(new Field(fieldPath, fieldSteps, property));
            if (typeOf(property).equals("object")) {
                collect(property, fieldPath, fieldSteps, into, depth + 1);
            } else if (typeOf(property).equals("array") && typeOf(resolve(property.path("items"))).equals("object")) {
                List<Object> element = new ArrayList<>(fieldSteps);
                element.add(0);
                collect(resolve(property.path("items")), fieldPath + "[0]", element, into, depth + 1);
            }
        });
    }

    /** The body with the field at {@code steps} replaced by {@code value}. */
    static JsonNode replaced(JsonNode body, List<Object> steps, JsonNode value) {
        JsonNode copy = body.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < steps.size() - 1; i++) {
            Object step = steps.get(i);
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = steps.get(steps.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set((String) last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set((Integer) last, value);
        }
        return copy;
    }

    static String typeOf(JsonNode schema) {
        if (schema.has("type")) {
            JsonNode type = schema.path("type");
            if (type.isArray()) {
                for (JsonNode t : type) {
                    if (!t.asString().equals("null")) {
                        return t.asString();
                    }
                }
            }
            return type.asString();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "string";
    }

    JsonNode resolve(JsonNode schema) {
        int hops = 0;
        while (schema.has("$ref") && hops++ < 10) {
            String ref = schema.path("$ref").asString();
            schema = document.at(ref.substring(1));
        }
        if (schema.has("allOf") && schema.path("allOf").size() == 1) {
            return resolve(schema.path("allOf").get(0));
        }
        return schema;
    }

    private static final Map<String, String> NAMED = new LinkedHashMap<>();

    static {
        NAMED.put("regioncode", "411702");
        NAMED.put("destinationregioncode", "440100");
        NAMED.put("region", "411700");
        NAMED.put("diseasecode", "I10");
        NAMED.put("month", "2026-11");
    }

    /** A plausible string for a field of this name and format: a valid resident id for person ids, and so on. */
    static String exampleString(String name, String format) {
        if ("uuid".equals(format)) {
            return UUID.randomUUID().toString();
        }
        if ("date".equals(format)) {
            return "2026-01-15";
        }
        if ("date-time".equals(format)) {
            return "2026-01-15T08:00:00Z";
        }
        String lower = name.toLowerCase();
        if (lower.contains("personid") || lower.endsWith("holderid") || lower.equals("memberid")) {
            return residentId();
        }
        if (NAMED.containsKey(lower)) {
            return NAMED.get(lower);
        }
        if (lower.contains("institution") || lower.equals("code")) {
            return ServiceContractTest.HOME_INSTITUTION;
        }
        if (lower.contains("amount") || lower.contains("price") || lower.contains("total") || lower.contains("income")) {
            return "1.00";
        }
        if (lower.contains("wage")) {
            return "6000.00";   // yuan a month: within every region's wage-base floor and ceiling (issue 22)
        }
        return "x1";
    }

    /** A valid 18-character resident id of a person born in 1980 in district 411702. */
    static String residentId() {
        String first17 = "411702198001" + String.format("%02d", 1 + (int) (Math.random() * 28)) + String.format("%03d", (int) (Math.random() * 1000));
        return first17 + ResidentId.checkCharacter(first17);
    }
}
