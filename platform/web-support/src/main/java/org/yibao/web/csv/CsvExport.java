package org.yibao.web.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.Flushable;
import java.io.IOException;

/**
 * Writes a CSV file for people and their spreadsheets: RFC 4180 (comma separated, CRLF line ends,
 * a cell quoted when it holds a comma, a double quote or a line break, double quotes doubled) by
 * Apache Commons CSV, every cell first neutralised by {@link CsvCells#neutralise(Object)}. Every CSV
 * a service writes goes through here (docs/adr/0013).
 *
 * <p>The export does not own the {@link Appendable}: {@link #flush()} it when done, close the
 * writer as its owner would (a servlet response's writer is closed by the container).
 */
public final class CsvExport implements Flushable {

    /** RFC 4180 as Commons CSV defines it; quotes only where needed. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180;

    /** U+FEFF, written first (as EF BB BF in UTF-8). */
    public static final char BYTE_ORDER_MARK = '\uFEFF';

    private final CSVPrinter printer;

    private CsvExport(CSVPrinter printer) {
        this.printer = printer;
    }

    /**
     * An export to {@code out} that begins with a UTF-8 byte order mark and the header row. The mark is
     * how Excel and WPS on Chinese Windows know the file is UTF-8; without it they read it as GBK and
     * show every Chinese name garbled (found by the independent review). The platform's own readers
     * (TextUpload) skip it.
     */
    public static CsvExport to(Appendable out, String... header) throws IOException {
        out.append(BYTE_ORDER_MARK);
        CsvExport export = new CsvExport(new CSVPrinter(out, FORMAT));
        export.row((Object[]) header);
        return export;
    }

    /** One record; {@code null} is written as an empty cell, anything else as its neutralised text. */
    public void row(Object... cells) throws IOException {
        Object[] safe = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = CsvCells.neutralise(cells[i]);
        }
        printer.printRecord(safe);
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }
}
