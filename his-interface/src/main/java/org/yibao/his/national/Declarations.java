package org.yibao.his.national;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every transaction's input and output fields, declared once as data
 * ({@code national-interface/transactions.yml}, after the national interface's published field
 * layouts), with the national dictionaries their codes come from ({@code dictionaries.yml}, also served
 * by 1901). An input is checked against its declaration before anything runs — a refusal names the
 * field path as the HIS developer knows it ({@code feedetail[3].cnt}) — and every output can be checked
 * against its declaration (the contract test does so for every answer).
 *
 * <p>Errors: a declaration that does not parse, or names a dictionary that does not exist, stops the
 * interface from starting ({@link DeclarationsReader}: both files bound by Jackson onto what they declare,
 * unknown and repeated keys refused, each refusal naming the file and the field path).
 */
@Component
public class Declarations {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?([0-9]+)(?:\\.([0-9]+))?");

    /** One transaction's declaration. */
    public record Declared(String infno, String name, List<FieldSpec> input, List<FieldSpec> output) {

        /** The input paths a transaction may read, e.g. {@code feedetail[].cnt}. */
        public Set<String> inputPaths() {
            Set<String> paths = new java.util.HashSet<>();
            input.forEach(f -> paths.add(f.path()));
            return paths;
        }
    }

    private final Map<String, Declared> transactions;
    private final Map<String, Map<String, String>> dictionaries;

    public Declarations() {
        this.dictionaries = DeclarationsReader.dictionaries(DeclarationsReader.DICTIONARIES,
                DeclarationsReader.resource(DeclarationsReader.DICTIONARIES));
        this.transactions = DeclarationsReader.transactions(DeclarationsReader.TRANSACTIONS,
                DeclarationsReader.resource(DeclarationsReader.TRANSACTIONS), dictionaries);
    }

    public Declared of(String infno) {
        Declared declared = transactions.get(infno);
        if (declared == null) {
            throw new IllegalStateException("transaction " + infno + " has no declaration in national-interface/transactions.yml");
        }
        return declared;
    }

    public Set<String> infnos() {
        return Collections.unmodifiableSet(transactions.keySet());
    }

    /** The national dictionaries by type (e.g. {@code insutype}): code to label, in code order. */
    public Map<String, Map<String, String>> dictionaries() {
        return dictionaries;
    }

    /** The label of a code, or null when the dictionary does not have it. */
    public String label(String table, String code) {
        Map<String, String> dictionary = dictionaries.get(table);
        return dictionary == null ? null : dictionary.get(code);
    }

    /**
     * Checks a transaction's input against its declaration.
     *
     * @throws HisException naming the first field path that is missing or not of its declared shape
     */
    public void checkInput(String infno, JsonNode input) {
        for (FieldSpec field : of(infno).input()) {
            for (Located value : locate(input, field.path())) {
                String problem = inputProblem(field, value.node());
                if (problem != null) {
                    throw HisException.field(value.path(), problem);
                }
            }
        }
    }

    /** Every way an output differs from its declaration (empty when it conforms), as "path: problem". */
    public List<String> outputProblems(String infno, JsonNode output) {
        List<String> problems = new ArrayList<>();
        List<FieldSpec> fields = of(infno).output();
        for (FieldSpec field : fields) {
            for (Located value : locate(output, field.path())) {
                String problem = outputProblem(field, value.node());
                if (problem != null) {
                    problems.add(value.path() + ": " + problem);
                }
            }
        }
        undeclared(output, "", "", fields, problems);
        return problems;
    }

    // --- finding values by declared path ---

    private record Located(String path, JsonNode node) {
    }

    /** The values at a declared path: one per list element for {@code list[].field}; none under a missing parent. */
    private static List<Located> locate(JsonNode root, String path) {
        List<Located> found = new ArrayList<>();
        locate(root, path.split("\\."), 0, "", found);
        return found;
    }

    private static void locate(JsonNode node, String[] parts, int i, String prefix, List<Located> found) {
        if (node == null || !node.isObject()) {
            return;
        }
        String part = parts[i];
        boolean list = part.endsWith("[]");
        String name = list ? part.substring(0, part.length() - 2) : part;
        JsonNode child = node.get(name);
        String here = prefix.isEmpty() ? name : prefix + "." + name;
        if (i == parts.length - 1) {
            found.add(new Located(here, child));
            return;
        }
        if (list) {
            if (child != null && child.isArray()) {
                for (int k = 0; k < child.size(); k++) {
                    locate(child.get(k), parts, i + 1, here + "[" + k + "]", found);
                }
            }
        } else {
            locate(child, parts, i + 1, here, found);
        }
    }

    private static void undeclared(JsonNode node, String path, String declaredPath, List<FieldSpec> fields, List<String> problems) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (var member : node.properties()) {
            String name = member.getKey();
            String concrete = path.isEmpty() ? name : path + "." + name;
            String declared = declaredPath.isEmpty() ? name : declaredPath + "." + name;
            FieldSpec spec = fields.stream().filter(f -> f.path().equals(declared) || f.path().equals(declared + "[]"))
                    .findFirst().orElse(null);
            if (spec == null) {
                problems.add(concrete + ": is not a declared output field");
                continue;
            }
            boolean opaque = fields.stream().noneMatch(f -> f.path().startsWith(spec.path() + "."));
            if (opaque) {
                continue;
            }
            if (spec.type() == FieldSpec.Type.LIST && member.getValue().isArray()) {
                for (int k = 0; k < member.getValue().size(); k++) {
                    undeclared(member.getValue().get(k), concrete + "[" + k + "]", spec.path(), fields, problems);
                }
            } else {
                undeclared(member.getValue(), concrete, spec.path(), fields, problems);
            }
        }
    }

    // --- the checks ---

    private String inputProblem(FieldSpec field, JsonNode node) {
        if (node == null || node.isNull() || node.isString() && node.asString().isBlank()) {
            return field.required() ? "is required" : null;
        }
        return switch (field.type()) {
            case OBJ -> node.isObject() ? null : "must be an object";
            case LIST -> !node.isArray() ? "must be a list" : field.required() && node.isEmpty() ? "must hold at least one item" : null;
            default -> {
                if (!node.isValueNode()) {
                    yield "must be " + field.describe() + ", not " + (node.isArray() ? "a list" : "an object");
                }
                yield valueProblem(field, node.isNumber() ? node.decimalValue().toPlainString() : node.asString().trim(), true);
            }
        };
    }

    private String outputProblem(FieldSpec field, JsonNode node) {
        if (node == null || node.isNull()) {
            return field.required() ? "is required and may not be null" : null;
        }
        return switch (field.type()) {
            case OBJ -> node.isObject() ? null : "must be an object";
            case LIST -> node.isArray() ? null : "must be a list";
            case NUM -> node.isNumber() ? valueProblem(field, node.decimalValue().stripTrailingZeros().toPlainString(), false)
                    : "must be a JSON number";
            case INT -> node.isIntegralNumber() ? valueProblem(field, node.asString(), false) : "must be a JSON integer";
            default -> node.isString() ? valueProblem(field, node.asString(), false) : "must be a JSON string";
        };
    }

    private String valueProblem(FieldSpec field, String value, boolean input) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        switch (field.type()) {
            case STR:
                int length = value.codePointCount(0, value.length());
                return field.length() > 0 && length > field.length()
                        ? "has " + length + " characters; the interface allows " + field.length() : null;
            case INT:
                return value.matches(field.nonNegative() ? "[0-9]+" : "-?[0-9]+")
                        && (field.length() == 0 || value.replace("-", "").length() <= field.length())
                        ? null : shown + " is not " + field.describe();
            case NUM:
                var plain = PLAIN_NUMBER.matcher(value);
                if (!plain.matches() || field.nonNegative() && value.startsWith("-")) {
                    return shown + " is not " + field.describe();
                }
                int decimals = plain.group(2) == null ? 0 : new BigDecimal("0." + plain.group(2)).stripTrailingZeros().scale();
                int integer = plain.group(1).replaceFirst("^0+(?=.)", "").length();
                return decimals > field.scale() || integer > field.precision() - field.scale()
                        ? shown + " is not " + field.describe() : null;
            case CODE:
                Map<String, String> dictionary = dictionaries.get(field.table());
                return dictionary.containsKey(value) ? null
                        : shown + " is not a code of " + field.table() + " (" + String.join(", ", first(dictionary.keySet(), 12)) + ")";
            case DATE:
                return parses(value, DATE) ? null : shown + " is not a date yyyy-MM-dd";
            case TIME:
                // a HIS often sends a day where a time is declared: taken as that day's start on input
                return parses(value, TIME) || input && parses(value, DATE) ? null : shown + " is not a time yyyy-MM-dd HH:mm:ss";
            default:
                return null;
        }
    }

    private static List<String> first(Set<String> codes, int n) {
        List<String> list = new ArrayList<>(codes);
        return list.size() <= n ? list : List.copyOf(list.subList(0, n));
    }

    private static boolean parses(String value, DateTimeFormatter format) {
        try {
            if (format == DATE) {
                LocalDate.parse(value, format);
            } else {
                LocalDateTime.parse(value, format);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
