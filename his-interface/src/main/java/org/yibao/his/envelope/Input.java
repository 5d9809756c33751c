package org.yibao.his.envelope;

import org.yibao.contracts.identity.ResidentId;
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

    public Input(JsonNode root) {
        this(root, "");
    }

    private Input(JsonNode root, String prefix) {
        this.root = root;
        this.prefix = prefix;
    }

    /** A nested object, e.g. {@code data}. */
    public Input object(String name) {
        JsonNode node = root.get(name);
        if (node == null || !node.isObject()) {
            throw HisException.field(prefix + name, "is required and must be an object");
        }
        return new Input(node, prefix + name + ".");
    }

    /** A list of objects, e.g. {@code feedetail}; at least one. */
    public List<Input> list(String name) {
        JsonNode node = root.get(name);
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw HisException.field(prefix + name, "is required and must be a non-empty list");
        }
        List<Input> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isObject()) {
                throw HisException.field(prefix + name + "[" + i + "]", "must be an object");
            }
            items.add(new Input(node.get(i), prefix + name + "[" + i + "]."));
        }
        return items;
    }

    public List<Input> optionalList(String name) {
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
        JsonNode v = root.get(name);
        String value = v == null || v.isNull() ? null : v.asString().trim();
        Integer max = value == null ? null : MAX_LENGTHS.get(name);
        if (max != null && value.length() > max) {
            throw HisException.field(prefix + name, "has " + value.length() + " characters; the interface allows " + max);
        }
        return value;
    }

    /**
     * The longest value of the fields this platform keeps, by the national interface's field name (the
     * spec's lengths, and the platform's columns where those are shorter — ASSUMPTION: catalog codes of
     * at most 40 characters). A longer value is refused naming the field, never stored cut or answered
     * 500 (issue 17, input 7). Not yet every field of every transaction: that declaration is issue 17's.
     */
    private static final Map<String, Integer> MAX_LENGTHS = Map.ofEntries(
            Map.entry("opter_no", 30), Map.entry("opter", 30), Map.entry("ipt_otp_no", 40), Map.entry("ipt_no", 40),
            Map.entry("insutype", 6), Map.entry("med_type", 6), Map.entry("mdtrt_id", 40), Map.entry("feedetl_sn", 40),
            Map.entry("chrg_bchno", 40), Map.entry("med_list_codg", 40), Map.entry("diag_code", 20),
            Map.entry("opsp_dise_code", 20), Map.entry("opsp_dise_name", 200), Map.entry("memo", 500), Map.entry("omsgid", 40),
            Map.entry("oinfno", 8), Map.entry("trt_dcla_detl_sn", 40));

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

    public String path(String name) {
        return prefix + name;
    }
}
