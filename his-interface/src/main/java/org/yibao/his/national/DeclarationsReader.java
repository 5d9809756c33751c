package org.yibao.his.national;

import org.springframework.core.io.ClassPathResource;
import org.yibao.web.config.FieldPaths;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads and validates the national interface's two declaration files: Jackson binds
 * {@code dictionaries.yml} onto maps of codes to labels and {@code transactions.yml} onto
 * {@link TransactionEntry} records, after SnakeYAML ({@link AnchoredYaml}) has resolved the anchors,
 * aliases and merge keys the transactions share their fields by; unknown and repeated keys are refused, and
 * nothing is coerced (a name, a label or a declaration is text: {@code 2207} or {@code true} written
 * where text belongs is refused, not turned into text). Each declaration line then becomes a
 * {@link FieldSpec}, checked against the dictionaries and its parent. Every refusal is an
 * {@link IllegalStateException} naming the file and the field path ({@code 2204.input.feedetail[].cnt})
 * and saying what is wrong; it stops the interface from starting.
 */
final class DeclarationsReader {

    static final String TRANSACTIONS = "national-interface/transactions.yml";
    static final String DICTIONARIES = "national-interface/dictionaries.yml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // as written, nothing guessed: 2207, 1.5 or true are not text, "2" is not a number, 1.5 is not a whole number
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .build();
    private static final TypeReference<LinkedHashMap<String, LinkedHashMap<String, String>>> DICTIONARY_FILE = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, TransactionEntry>> TRANSACTION_FILE = new TypeReference<>() {
    };
    /** What each level of a file's mappings holds, for a refusal of a value of another shape. */
    private static final List<String> DICTIONARY_LEVELS = List.of("must map dictionaries to their codes", "must map codes to labels");
    private static final List<String> TRANSACTION_LEVELS = List.of("must map four-digit transactions to their fields",
            "is not a four-digit transaction (or its A variant, such as 4101A) with its fields", "must map field paths to declarations");

    private DeclarationsReader() {
    }

    /** The text of a declaration file on the classpath. */
    static String resource(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The national dictionaries by type (e.g. {@code insutype}): code to label, in the file's order. */
    static Map<String, Map<String, String>> dictionaries(String file, String yaml) {
        Map<String, Map<String, String>> tables = new TreeMap<>();
        bind(file, yaml, DICTIONARY_FILE, DICTIONARY_LEVELS).forEach((table, codes) -> {
            if (codes == null || codes.isEmpty()) {
                throw invalid(file, table, "must map codes to labels");
            }
            codes.forEach((code, label) -> {
                if (label == null || label.isBlank()) {
                    throw invalid(file, table + "." + code, "has no label");
                }
            });
            tables.put(table, Collections.unmodifiableMap(codes));
        });
        return Collections.unmodifiableMap(tables);
    }

    /** Every transaction's declaration by its number; a code field's dictionary must be among {@code dictionaries}. */
    static Map<String, Declarations.Declared> transactions(String file, String yaml, Map<String, Map<String, String>> dictionaries) {
        Map<String, Declarations.Declared> declared = new TreeMap<>();
        bind(file, yaml, TRANSACTION_FILE, TRANSACTION_LEVELS).forEach((infno, entry) -> {
            if (!infno.matches("\\d{4}A?") || entry == null) {
                throw invalid(file, infno, "is not a four-digit transaction (or its A variant, such as 4101A) with its fields");
            }
            declared.put(infno, new Declarations.Declared(infno, entry.name() == null ? infno : entry.name(),
                    fields(file, infno + ".input", entry.input(), dictionaries),
                    fields(file, infno + ".output", entry.output(), dictionaries)));
        });
        return Collections.unmodifiableMap(declared);
    }

    private static List<FieldSpec> fields(String file, String part, Map<String, String> lines, Map<String, Map<String, String>> dictionaries) {
        List<FieldSpec> fields = new ArrayList<>();
        if (lines == null) {
            return fields;
        }
        lines.forEach((path, line) -> {
            if (line == null) {
                throw invalid(file, part + "." + path, "has no declaration (e.g. 'str 30 !', 'num 16,2', 'code insutype')");
            }
            FieldSpec field;
            try {
                field = FieldSpec.parse(path, line);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(file + ": " + part + "." + e.getMessage(), e); // FieldSpec's "path: reason"
            }
            if (field.table() != null && !dictionaries.containsKey(field.table())) {
                throw invalid(file, part + "." + path, "names the dictionary " + field.table() + ", which dictionaries.yml does not have");
            }
            fields.add(field);
        });
        for (FieldSpec field : fields) {
            String parent = field.path().contains(".") ? field.path().substring(0, field.path().lastIndexOf('.')) : null;
            if (parent != null && fields.stream().noneMatch(f -> f.path().equals(parent))) {
                throw invalid(file, part + "." + field.path(), "has no declared parent " + parent);
            }
        }
        // parents before their children, so that a missing parent is named before its fields
        fields.sort(Comparator.comparingInt((FieldSpec f) -> f.path().split("\\.").length));
        return fields;
    }

    private static <T> Map<String, T> bind(String file, String yaml, TypeReference<LinkedHashMap<String, T>> type, List<String> levels) {
        Map<String, T> bound;
        try {
            JsonNode tree = AnchoredYaml.read(YAML, yaml);
            bound = tree == null ? null : YAML.readValue(YAML.treeAsTokens(tree), type);
        } catch (JacksonException e) {
            throw refusal(file, e, levels);
        }
        if (bound == null) {
            throw invalid(file, "(file)", levels.get(0));
        }
        return bound;
    }

    // --- what Jackson refused, in the file's words ---

    private static IllegalStateException refusal(String file, JacksonException e, List<String> levels) {
        String path = FieldPaths.of(e);
        String where = path.isEmpty() ? "(file)" : path;
        if (e instanceof UnrecognizedPropertyException u) {
            Set<String> known = new TreeSet<>();
            u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            return invalid(file, where, "is not a known field; expected one of " + known);
        }
        if (e instanceof AnchoredYaml.Refusal) {
            return invalid(file, where, e.getOriginalMessage());
        }
        if (!(e instanceof MismatchedInputException m)) {
            return invalid(file, "(file)", "is not valid YAML: " + e.getOriginalMessage());
        }
        if (m.getTargetType() == String.class) {
            return invalid(file, where, "must be text" + (m instanceof InvalidFormatException f ? ", was " + f.getValue() : ""));
        }
        return invalid(file, where, levels.get(Math.min(e.getPath().size(), levels.size() - 1)));
    }

    private static IllegalStateException invalid(String file, String field, String reason) {
        return new IllegalStateException(file + ": " + field + ": " + reason);
    }
}
