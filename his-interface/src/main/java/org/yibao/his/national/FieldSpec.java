package org.yibao.his.national;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One field of a transaction as the national interface declares it (接口规范 数据元): its path in the
 * input or output ({@code data.psn_no}, {@code feedetail[].cnt}), its type, its length or precision,
 * whether it is required, and its code table.
 *
 * <p>Written in the declarations file as one line, e.g. {@code "str 30 !"} (text of at most 30
 * characters, required), {@code "num 16,2 !"} (a number of at most 16 digits with 2 decimals),
 * {@code "code insutype"}, {@code "date"} (yyyy-MM-dd), {@code "time"} (yyyy-MM-dd HH:mm:ss, Beijing
 * time), {@code "obj !"}, {@code "list !"}, {@code "int 4"}; a number or integer marked {@code +} may not be negative
 * ({@code "num 4,1 +"}: an age, a weight, a count, an amount of a settlement list).
 *
 * @param length    the most characters of a text or code, or digits of an integer; 0 when not bounded
 * @param precision the most digits of a number in all (16 for the interface's amounts)
 * @param scale     the most digits after the point (2 for amounts in yuan, 4 quantities, 6 prices)
 * @param table     the national dictionary the value must be in (see dictionaries.yml), or null
 * @param nonNegative a number or integer that may not be below zero
 */
public record FieldSpec(String path, Type type, int length, int precision, int scale, boolean required, String table, boolean nonNegative) {

    /** The kinds of value of the interface. */
    public enum Type { STR, NUM, INT, CODE, DATE, TIME, OBJ, LIST }

    private static final Pattern LINE = Pattern.compile(
            "(str|num|int|code|date|time|obj|list)(?:\\s+(\\d+)(?:,(\\d+))?|\\s+([a-z_0-9]+))?\\s*(\\+)?\\s*(!)?");

    /** Reads one declaration line; a line that does not parse stops the interface from starting. */
    public static FieldSpec parse(String path, String line) {
        Matcher m = LINE.matcher(line.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(path + ": '" + line + "' is not a field declaration (e.g. 'str 30 !', 'num 16,2', 'code insutype')");
        }
        Type type = Type.valueOf(m.group(1).toUpperCase());
        int first = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        String table = m.group(4);
        if (type == Type.CODE && table == null) {
            throw new IllegalArgumentException(path + ": a code field names its dictionary ('code insutype')");
        }
        if (type == Type.NUM && first == 0) {
            throw new IllegalArgumentException(path + ": a number declares its precision ('num 16,2')");
        }
        boolean nonNegative = m.group(5) != null;
        if (nonNegative && type != Type.NUM && type != Type.INT) {
            throw new IllegalArgumentException(path + ": only a number or an integer is marked '+' (not negative)");
        }
        boolean required = m.group(6) != null;
        return switch (type) {
            case NUM -> new FieldSpec(path, type, 0, first, second, required, null, nonNegative);
            case CODE -> new FieldSpec(path, type, 0, 0, 0, required, table, false);
            default -> new FieldSpec(path, type, first, 0, 0, required, null, nonNegative);
        };
    }

    /** The field's own name, the last part of its path. */
    public String name() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    public String describe() {
        return switch (type) {
            case STR -> "text" + (length > 0 ? " of at most " + length + " characters" : "");
            case INT -> (nonNegative ? "an integer of 0 or more" : "an integer") + (length > 0 ? " of at most " + length + " digits" : "");
            case NUM -> (nonNegative ? "a number of 0 or more" : "a number") + " (plain digits, at most " + precision + " with " + scale
                    + " decimals)";
            case CODE -> "a code of the national dictionary " + table;
            case DATE -> "a date yyyy-MM-dd";
            case TIME -> "a time yyyy-MM-dd HH:mm:ss";
            case OBJ -> "an object";
            case LIST -> "a list";
        };
    }
}
