package org.yibao.supervision.knowledge;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ICD-10 codes as the knowledge base names them: one code or category ({@code I10}, {@code E11.9}),
 * matched as a prefix, or a range of categories ({@code E10-E14}, {@code I20-I25}) matched on a
 * code's first three characters. Dots are ignored ({@code Z51.1} matches {@code Z511} and {@code Z51.100}).
 */
public record DiagnosisRange(String from, String to) {

    private static final Pattern CODE = Pattern.compile("[A-Z][0-9][0-9A-Z]{0,5}");

    /**
     * Reads {@code "E10-E14"} or {@code "I10"}.
     *
     * @throws IllegalArgumentException when it is neither
     */
    public static DiagnosisRange parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace(".", "");
        int dash = t.indexOf('-');
        if (dash < 0) {
            if (!CODE.matcher(t).matches()) {
                throw new IllegalArgumentException("\"" + text + "\" is not an ICD-10 code or range (e.g. I10, E11.9, E10-E14)");
            }
            return new DiagnosisRange(t, null);
        }
        String from = t.substring(0, dash);
        String to = t.substring(dash + 1);
        if (from.length() != 3 || to.length() != 3 || !CODE.matcher(from).matches() || !CODE.matcher(to).matches()
                || from.compareTo(to) > 0) {
            throw new IllegalArgumentException("\"" + text + "\" is not a range of ICD-10 categories (e.g. E10-E14)");
        }
        return new DiagnosisRange(from, to);
    }

    /** Whether a diagnosis code falls in this range or starts with this code. */
    public boolean matches(String diagnosis) {
        String d = diagnosis.toUpperCase(Locale.ROOT).replace(".", "");
        if (to == null) {
            return d.startsWith(from);
        }
        if (d.length() < 3) {
            return false;
        }
        String category = d.substring(0, 3);
        return category.compareTo(from) >= 0 && category.compareTo(to) <= 0;
    }

    @Override
    public String toString() {
        return to == null ? from : from + "-" + to;
    }
}
