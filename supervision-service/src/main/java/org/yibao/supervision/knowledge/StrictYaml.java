package org.yibao.supervision.knowledge;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.util.stream.Collectors;

/**
 * Supervision's data files (the knowledge base, the rule library) bound onto records by Jackson as
 * the platform's other data files are (ADR 0016): unknown and repeated keys refused, nothing coerced
 * (a quoted number stays text, a number is not a boolean); a refusal names the file and the field path.
 */
public final class StrictYaml {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // as written, nothing guessed: "300" or "true" in quotes are text, 1.5 is not a whole number
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .build();

    private StrictYaml() {
    }

    /**
     * Binds a file's text onto {@code type}.
     *
     * @throws IllegalStateException {@code file: path: reason}
     */
    public static <T> T read(String file, String text, Class<T> type) {
        try {
            return YAML.readValue(text, type);
        } catch (JacksonException e) {
            throw refusal(file, "", e);
        }
    }

    /**
     * Binds a part of a file (already read as a tree) onto {@code type}; {@code at} is the part's path.
     *
     * @throws IllegalStateException {@code file: at.path: reason}
     */
    public static <T> T convert(String file, String at, JsonNode node, Class<T> type) {
        try {
            return YAML.readerFor(type).readValue(YAML.treeAsTokens(node));
        } catch (JacksonException e) {
            throw refusal(file, at, e);
        }
    }

    /** Jackson's words without Java's: no class names reach a reader of the refusal. */
    private static String plain(String message) {
        if (message.startsWith("Cannot construct instance") || message.startsWith("Cannot deserialize")
                || message.startsWith("Unexpected token")) {
            return "is not of the expected shape (a map, a list or a value where the format says)";
        }
        return message.replaceAll("`?[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+\\.([A-Z][A-Za-z0-9_]*\\$?)+`?", "a value");
    }

    /** The refusal in the file's terms: the field path and what is wrong with it. */
    public static IllegalStateException refusal(String file, String at, JacksonException e) {
        String path = e instanceof DatabindException d ? d.getPath().stream()
                .map(r -> r.getIndex() >= 0 ? "[" + r.getIndex() + "]" : "." + r.getPropertyName())
                .collect(Collectors.joining()) : "";
        String where = (at + path).replaceFirst("^\\.", "");
        String reason;
        if (e instanceof UnrecognizedPropertyException u) {
            reason = "is not a known field; expected one of " + u.getKnownPropertyIds();
        } else if (e instanceof InvalidFormatException f) {
            reason = "\"" + f.getValue() + "\" is not a valid " + f.getTargetType().getSimpleName()
                    + (f.getTargetType().isEnum() ? " (one of " + java.util.Arrays.toString(f.getTargetType().getEnumConstants()) + ")" : "");
        } else if (e.getMessage() != null && e.getMessage().contains("Duplicate")) {
            reason = "is repeated";
        } else {
            String m = e.getOriginalMessage();
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
                m = cause.getMessage();
            }
            reason = m == null ? "is not of the expected shape" : plain(m.lines().findFirst().orElse(m));
        }
        return new IllegalStateException(file + ": " + (where.isEmpty() ? "" : where + ": ") + reason, e);
    }
}
