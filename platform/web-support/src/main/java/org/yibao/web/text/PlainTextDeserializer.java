package org.yibao.web.text;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every text value of a JSON body is plain text: no control characters but tab, line feed and
 * carriage return, no invisible formatting characters (direction overrides such as U+202E that make
 * a name read differently on screen, zero-width spaces that make two names look equal), and no
 * unpaired surrogate. A NUL cannot be stored by PostgreSQL at all, and the
 * others have no place in a name, a code or a reason; they arrive from broken client encodings or on
 * purpose. A refusal is a 400 naming the field (the JSON path), like any other unreadable value.
 */
public class PlainTextDeserializer extends StringDeserializer {

    /** The module that installs this deserializer for every {@code String} value. */
    public static SimpleModule module() {
        return new SimpleModule("yibao-plain-text").addDeserializer(String.class, new PlainTextDeserializer());
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        String value = super.deserialize(p, ctxt);
        String problem = problemWith(value);
        if (problem != null) {
            return ctxt.reportInputMismatch(String.class, problem);
        }
        return value;
    }

    /** Why this text is not plain text, or null when it is. */
    public static String problemWith(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return "contains the control character U+" + String.format("%04X", (int) c) + " at position " + (i + 1);
            }
            if (Character.isHighSurrogate(c) && (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                return "contains an unpaired surrogate at position " + (i + 1);
            }
            if (Character.getType(c) == Character.FORMAT) {
                return "contains the invisible formatting character U+" + String.format("%04X", (int) c) + " at position " + (i + 1)
                        + " (a direction override or zero-width character)";
            }
            if (c == '\uFFFD') {
                return "contains U+FFFD, the mark of text decoded in the wrong character set, at position " + (i + 1);
            }
        }
        return null;
    }
}
