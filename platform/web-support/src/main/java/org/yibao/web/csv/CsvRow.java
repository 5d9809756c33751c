package org.yibao.web.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * The cells of one line of an uploaded CSV file, read by Apache Commons CSV's RFC 4180 format: a
 * quoted cell may hold commas and doubled quotes ({@code "欧阳,娜娜"}, {@code "王""小""二"}), as Excel,
 * WPS and LibreOffice write them; a header may be quoted too. A line without quotes is split directly
 * (the bulk feeds' common case, at their speed). A quoted cell cannot span lines here: uploads are read
 * line by line, so that one bad line never shifts the others (TextUpload).
 */
public final class CsvRow {

    /** Why a line could not be read as CSV, for a row-level report. */
    public static final String UNCLOSED_QUOTE = "has a quoted cell that does not end on its line";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private CsvRow() {
    }

    /** The line's cells, or null when a quoted cell does not end on the line ({@link #UNCLOSED_QUOTE}). */
    public static String[] cells(String line) {
        if (line.indexOf('"') < 0) {
            return line.split(",", -1);
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(line), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return new String[] {""};
            }
            CSVRecord record = records.next();
            return records.hasNext() ? null : record.values();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null;
        }
    }
}
