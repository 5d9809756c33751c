package org.yibao.his.envelope;

import org.yibao.contracts.identity.ResidentId;
import org.yibao.his.national.HisException;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A transaction's {@code input}, read by the interface's own field paths ({@code data.psn_no}) so
 * that every refusal names the field as the HIS developer knows it.
 */
public final class Input {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JsonNode root;
    private final String prefix;
    private final java.util.Set<String> declared;

    /**
     * @param declared the transaction's declared input paths ({@code feedetail[].cnt}); reading a field
     *                 that is not declared is a programming error (every field is checked by its
     *                 declaration before the transaction runs)
     */
    public Input(JsonNode root, java.util.Set<String> declared) {
        this(root, "", declared);
    }

    private Input(JsonNode root, String prefix, java.util.Set<String> declared) {
        this.root = root;
        this.prefix = prefix;
        this.declared = declared;
    }

    private void requireDeclared(String name, boolean list) {
        String path = prefix.replaceAll("\\[\\d+]", "[]") + name + (list ? "[]" : "");
        if (!declared.contains(path)) {
            throw new IllegalStateException("the transaction reads " + path + ", which its declaration does not have");
        }
    }

    /** A nested object, e.g. {@code data}. */
    public Input object(String name) {
        requireDeclared(name, false);
        JsonNode node = root.get(name);
        if (node == null || !node.isObject()) {
            throw HisException.field(prefix + name, "is required and must be an object");
        }
        return new Input(node, prefix + name + ".", declared);
    }

    /** A list of objects, e.g. {@code feedetail}; at least one. */
    public List<Input> list(String name) {
        requireDeclared(name, true);
        JsonNode node = root.get(name);
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw HisException.field(prefix + name, "is required and must be a non-empty list");
        }
        List<Input> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isObject()) {
                throw HisException.field(prefix + name + "[" + i + "]", "must be an object");
            }
            items.add(new Input(node.get(i), prefix + name + "[" + i + "].", declared));
        }
        return items;
    }

    public List<Input> optionalList(String name) {
        requireDeclared(name, true);
        JsonNode node = root.get(name);
        return node == null || node.isNull() || (node.isArray() && node.isEmpty()) ? List.of() : list(name);
    }

    public String text(String name) {
        String value = optional(name);
        if (value == null || value.isEmpty()) {
            throw HisException.field(prefix + name, "is required");
        }
        return value;
    }

    public String optional(String name) {
        requireDeclared(name, false);
        JsonNode v = root.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        String value = (v.isNumber() ? v.decimalValue().toPlainString() : v.asString()).trim();
        // a HIS sends "" for a field it has no value for: the same as absent
        return value.isEmpty() ? null : value;
    }

    /**
     * A number of the interface: plain digits, at most 16 in all and 6 after the point (the national
     * interface's widest, 16,6 for prices). An exponent ("1e999999999", whose arithmetic alone would take
     * the process's memory) or more digits is refused naming the field.
     */
    public BigDecimal decimal(String name) {
        String value = text(name).trim();
        java.util.regex.Matcher plain = PLAIN_NUMBER.matcher(value);
        if (!plain.matches() || plain.group(1).length() + (plain.group(2) == null ? 0 : plain.group(2).length()) > 16) {
            throw HisException.field(prefix + name, "is not a number of the interface (plain digits, at most 16 with 6 decimals): "
                    + (value.length() > 40 ? value.substring(0, 40) + "..." : value));
        }
        return new BigDecimal(value);
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("-?([0-9]+)(?:\\.([0-9]{1,6}))?");

    /** A person number (psn_no) or certificate number: on this platform, the resident id number. */
    public String person(String name) {
        ResidentId.Parsed parsed = ResidentId.parse(text(name));
        if (!parsed.valid()) {
            throw HisException.field(prefix + name, parsed.problem());
        }
        return parsed.id().value();
    }

    public LocalDateTime dateTime(String name) {
        String value = text(name);
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay() : LocalDateTime.parse(value, DATE_TIME);
        } catch (DateTimeParseException e) {
            throw HisException.field(prefix + name, "must be yyyy-MM-dd HH:mm:ss");
        }
    }

    /** Whether the transaction's declaration has this field (a reader shared by transactions whose layouts differ asks first). */
    public boolean declares(String name) {
        return declared.contains(prefix.replaceAll("\\[\\d+]", "[]") + name);
    }

    public String path(String name) {
        return prefix + name;
    }
}
