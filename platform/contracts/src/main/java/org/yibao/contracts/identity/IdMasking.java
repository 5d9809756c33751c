package org.yibao.contracts.identity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks resident id numbers: keeps the first four and the last four characters, which is enough
 * for a clerk to tell two people apart in a log and not enough to identify anyone.
 */
public final class IdMasking {

    /** Anything shaped like an 18-character id (region, plausible birth date, sequence, check). */
    private static final Pattern ID_LIKE = Pattern.compile(
            "(?<![0-9A-Za-z])([1-9]\\d{3})\\d{10}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");

    private IdMasking() {
    }

    public static String mask(String id) {
        if (id == null) {
            return null;
        }
        if (id.length() <= 8) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    /** Masks every id-shaped run in free text, such as a log line or a request path. */
    public static String maskAll(String text) {
        if (text == null || text.length() < 18) {
            return text;
        }
        Matcher m = ID_LIKE.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, m.group(1) + "**********" + m.group(2));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
