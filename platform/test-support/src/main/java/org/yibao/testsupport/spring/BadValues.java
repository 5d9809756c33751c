package org.yibao.testsupport.spring;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Values no field of the platform accepts, by the field's declared type: longer than any column,
 * beyond any amount or count, of the wrong JSON type, or carrying a NUL character (which PostgreSQL
 * cannot store). Each is what real clients send by mistake or attackers on purpose. A little
 * randomness (seeded, so a failure repeats) varies the lengths and the characters.
 */
final class BadValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Random RANDOM = new Random(20261130);

    /** Longer than any text column of the platform (the longest is 4,000 characters). */
    static final int OVERSIZED = 4_001;

    private BadValues() {
    }

    static List<JsonNode> forField(ApiOperations.Field field) {
        List<JsonNode> values = new ArrayList<>();
        switch (ApiOperations.typeOf(field.schema())) {
            case "integer", "number" -> {
                values.add(NODES.numberNode(new BigDecimal("1e20")));
                values.add(NODES.numberNode(new BigDecimal("-1e20")));
                values.add(NODES.stringNode("twelve"));
                values.add(NODES.objectNode());
            }
            case "boolean" -> {
                values.add(NODES.stringNode("perhaps"));
                values.add(NODES.arrayNode());
            }
            case "array" -> {
                values.add(NODES.stringNode(oversized()));
                ArrayNode many = NODES.arrayNode();
                JsonNode item = ApiOperations.typeOf(field.schema().path("items")).equals("string")
                        ? NODES.stringNode("x1") : NODES.objectNode();
                for (int i = 0; i < 10_001; i++) {
                    many.add(item);
                }
                values.add(many);
            }
            case "object" -> values.add(NODES.stringNode(oversized()));
            default -> {
                values.add(NODES.stringNode(oversized()));
                values.add(NODES.stringNode("x\u0000" + RANDOM.nextInt(1000)));
                values.add(NODES.objectNode().put("a", 1));
                if (field.schema().path("format").asString("").equals("uuid") || field.schema().has("enum")
                        || field.path().toLowerCase().contains("amount") || field.path().toLowerCase().contains("price")
                        || field.path().toLowerCase().contains("income")) {
                    values.add(NODES.stringNode("1e20"));
                }
            }
        }
        return values;
    }

    /** Bad values of a path or query parameter, as raw (URL-encoded) text. */
    static List<String> forParameter(ApiOperations.Parameter parameter) {
        List<String> values = new ArrayList<>(List.of("x".repeat(OVERSIZED), "%00", "a%20b%27%3B--"));
        if ("integer".equals(parameter.type()) || "number".equals(parameter.type())) {
            values.add("99999999999999999999");
            values.add("-1");
        }
        return values;
    }

    private static String oversized() {
        StringBuilder s = new StringBuilder(OVERSIZED + 64);
        while (s.length() <= OVERSIZED + RANDOM.nextInt(64)) {
            s.append((char) ('a' + RANDOM.nextInt(26))).append('中');
        }
        return s.toString();
    }
}
