package org.yibao.web.csv;

import java.util.regex.Pattern;

/**
 * The one place where a cell of an exported CSV file is made safe to open in a spreadsheet
 * (formula or "CSV injection", OWASP): a cell whose text begins with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return would be read by Excel, WPS or LibreOffice as a
 * formula (for example {@code =HYPERLINK(...)} in an institution or generic name), so it is written
 * with a single quote {@code '} in front, which makes the spreadsheet show it as text.
 *
 * <p>A genuine number is left as it is, so that a negative amount such as {@code -12.50} in a money
 * column stays a number: a cell matching {@code ^-?[0-9]+(\.[0-9]+)?$} is never prefixed. Any other
 * text starting with {@code -} (for example {@code -x} or {@code -1+2}) is.
 *
 * <p>This only neutralises; quoting of commas, double quotes and line breaks is RFC 4180's and done
 * by the printer ({@link CsvExport}), which passes every cell through here.
 */
public final class CsvCells {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private CsvCells() {
    }

    /**
     * The text to write for one cell: {@code ""} for {@code null}, otherwise the value's text, with a
     * leading {@code '} if it would start a formula and is not a plain number.
     */
    public static String neutralise(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.isEmpty() || !startsAFormula(text.charAt(0)) || NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    private static boolean startsAFormula(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
