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
    /**
     * A 15-digit id of before 1999, which {@link ResidentId} accepts too: region, yyMMdd with a possible
     * month and day, sequence (narrower than any 15 digits, so that other numbers stay readable). Group 1
     * is the first four digits, group 2 the last four; the seven between are masked.
     */
    private static final Pattern PRE_1999_ID_LIKE = Pattern.compile(
            "(?<![0-9A-Za-z])([1-9]\\d{3})(?=\\d{4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}(?![0-9A-Za-z]))\\d{7}(\\d{4})");

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

    /** Masks every id-shaped run (18 characters, or 15 digits of a pre-1999 id) in free text, such as a log line or a request path. */
    public static String maskAll(String text) {
        if (text == null || text.length() < 15) {
            return text;
        }
        return maskRuns(maskRuns(text, ID_LIKE, "**********"), PRE_1999_ID_LIKE, "*******");
    }

    /**
     * Masks ids in a URL's path or query as a caller may have written them: percent-encoded, in
     * full-width digits (which the services accept), or split by spaces, dashes or dots. The result is
     * the decoded, normalised (NFKC) text with every id masked; where only the text without separators
     * holds an id, that compact form is returned masked, so no id survives a separator.
     */
    public static String maskAllInUrl(String raw) {
        if (raw == null) {
            return null;
        }
        String decoded = raw;
        for (int pass = 0; pass < 2 && decoded.indexOf('%') >= 0; pass++) { // twice: %252F is an encoded %2F
            try {
                decoded = java.net.URLDecoder.decode(decoded.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                break;
            }
        }
        String normal = java.text.Normalizer.normalize(decoded, java.text.Normalizer.Form.NFKC);
        String masked = maskAll(normal);
        String compact = SEPARATORS.matcher(masked).replaceAll("");
        String compactMasked = maskAll(compact);
        return compactMasked.equals(compact) ? masked : compactMasked;
    }

    /**
     * What a caller may put inside an id to slip it past masking: up to three characters that are not
     * letters or digits (spaces, dashes, slashes, percent signs, zero-width and other invisible
     * characters) between two of its digits.
     */
    private static final Pattern SEPARATORS = Pattern.compile("(?<=\\d)[^\\p{L}\\p{Nd}]{1,3}(?=[\\dXx])");

    private static String maskRuns(String text, Pattern idLike, String stars) {
        Matcher m = idLike.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, m.group(1) + stars + m.group(2));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
