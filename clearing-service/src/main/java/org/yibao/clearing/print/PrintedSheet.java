package org.yibao.clearing.print;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A printable sheet for the treasury and the archive (a payment order 拨付单, a year-end clearing statement 清算单), drawn
 * by OpenPDF (ADR 0023): a title, the header facts, a table with a header row, notes and the signature boxes of the
 * preparer and the approver. Latin letters and digits are set in Helvetica, Chinese in the PDF standard font STSong-Light
 * (Adobe-GB1, not embedded: every PDF reader carries it), chosen per character.
 */
public final class PrintedSheet {

    private final String title;
    private final List<String[]> facts = new ArrayList<>();
    private String[] columns = new String[0];
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String[]> signatures = new ArrayList<>();

    private PrintedSheet(String title) {
        this.title = title;
    }

    public static PrintedSheet titled(String title) {
        return new PrintedSheet(title);
    }

    /** A header fact: a label and its value. */
    public PrintedSheet fact(String label, Object value) {
        facts.add(new String[]{label, text(value)});
        return this;
    }

    public PrintedSheet columns(String... names) {
        this.columns = names.clone();
        return this;
    }

    /** A row of the table; amounts are right-aligned. */
    public PrintedSheet row(Object... cells) {
        if (cells.length != columns.length) {
            throw new IllegalArgumentException("a row has " + cells.length + " cells for " + columns.length + " columns");
        }
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = text(cells[i]);
        }
        rows.add(r);
        return this;
    }

    public PrintedSheet note(String text) {
        notes.add(text);
        return this;
    }

    /** A signature box: the role (e.g. 制单 prepared by) and who, from the token; blank while nobody signed. */
    public PrintedSheet signature(String role, String who) {
        signatures.add(new String[]{role, text(who)});
        return this;
    }

    /** Draws the sheet (A4 landscape) onto the stream. */
    public void writeTo(OutputStream out) {
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(title);
            document.addCreator("Yibao clearing-service");
            document.open();
            Paragraph heading = new Paragraph(fonts(16).process(title));
            heading.setAlignment(Element.ALIGN_CENTER);
            heading.setSpacingAfter(12);
            document.add(heading);
            PdfPTable header = new PdfPTable(4);
            header.setWidthPercentage(100);
            for (String[] f : facts) {
                header.addCell(cell(f[0], 9, Element.ALIGN_LEFT, true));
                header.addCell(cell(f[1], 9, Element.ALIGN_LEFT, false));
            }
            if (facts.size() % 2 == 1) {
                header.addCell(cell("", 9, Element.ALIGN_LEFT, false));
                header.addCell(cell("", 9, Element.ALIGN_LEFT, false));
            }
            header.setSpacingAfter(10);
            document.add(header);
            if (columns.length > 0) {
                PdfPTable table = new PdfPTable(columns.length);
                table.setWidthPercentage(100);
                table.setHeaderRows(1);
                for (String c : columns) {
                    table.addCell(cell(c, 8, Element.ALIGN_CENTER, true));
                }
                for (String[] r : rows) {
                    for (String c : r) {
                        table.addCell(cell(c, 8, c.matches("-?[0-9][0-9,]*(\\.[0-9]+)?%?") ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT, false));
                    }
                }
                table.setSpacingAfter(10);
                document.add(table);
            }
            for (String n : notes) {
                document.add(new Paragraph(fonts(8).process(n)));
            }
            if (!signatures.isEmpty()) {
                PdfPTable sign = new PdfPTable(signatures.size() * 2);
                sign.setWidthPercentage(100);
                sign.setSpacingBefore(16);
                for (String[] s : signatures) {
                    sign.addCell(cell(s[0], 9, Element.ALIGN_LEFT, true));
                    sign.addCell(cell(s[1], 9, Element.ALIGN_LEFT, false));
                }
                document.add(sign);
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("the sheet " + title + " could not be drawn", e);
        } finally {
            document.close();
        }
    }

    private static PdfPCell cell(String text, float size, int alignment, boolean bold) {
        Phrase phrase = fonts(size, bold).process(text);
        PdfPCell cell = new PdfPCell(phrase);
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(3);
        return cell;
    }

    private static FontSelector fonts(float size) {
        return fonts(size, false);
    }

    private static FontSelector fonts(float size, boolean bold) {
        FontSelector selector = new FontSelector();
        selector.addFont(new Font(Font.HELVETICA, size, bold ? Font.BOLD : Font.NORMAL));
        selector.addFont(new Font(Fonts.CHINESE, size, bold ? Font.BOLD : Font.NORMAL));
        return selector;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** The Chinese font, created once. */
    private static final class Fonts {
        static final BaseFont CHINESE = chinese();

        private static BaseFont chinese() {
            try {
                return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (DocumentException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
