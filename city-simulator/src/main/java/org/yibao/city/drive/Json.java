package org.yibao.city.drive;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;

/** JSON in and out; amounts are read as exact decimals, never through a double. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final JsonMapper COMPACT = JsonMapper.builder().build();

    private Json() {
    }

    public static String write(Object value) {
        return COMPACT.writeValueAsString(value);
    }

    public static String pretty(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static JsonNode read(String json) {
        return MAPPER.readTree(json);
    }

    /** An amount field: "12.30" or 12.30. */
    public static Money money(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new IllegalArgumentException("an amount is missing");
        }
        return Money.of(new BigDecimal(node.asString()));
    }
}
