package org.yibao.web.text;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Set;

/**
 * The lines of an uploaded text file (CSV, JSON lines) in the character set it was written in, never
 * garbled. Bureau staff and departments save lists from Excel and WPS on Chinese Windows, which write
 * GBK, and often send them without any charset.
 * <ul>
 *   <li>A charset in the Content-Type is honoured (UTF-8, GBK, GB18030, GB2312, Big5 ...); one Java
 *       does not know is refused (415).</li>
 *   <li>None declared: a UTF-8 byte order mark, or a first 64 KiB that is valid UTF-8, means UTF-8;
 *       otherwise GB18030, which contains GBK and GB2312 (ASSUMPTION: a non-UTF-8 upload in this
 *       bureau is a Chinese Windows file). UTF-16 (Excel's "Unicode text") is refused, naming what is
 *       accepted.</li>
 *   <li>Every line is decoded strictly: a line that is not valid in the charset comes back with a
 *       problem naming it (its number and the charset), never with U+FFFD, and the lines after it go
 *       on. Lines are split on the byte 0x0A, which is never part of a multi-byte character in UTF-8,
 *       GBK or GB18030, so one bad line cannot shift the others.</li>
 * </ul>
 */
public final class TextUpload implements Closeable {

    /** How many bytes are looked at to tell UTF-8 from GB18030 when no charset is declared. */
    static final int SNIFF = 64 * 1024;
    /** A line longer than this is refused (a CSV row of the platform is a few hundred bytes). */
    static final int MAX_LINE = 64 * 1024;

    private static final java.util.regex.Pattern CHARSET =
            java.util.regex.Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]+)", java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final Set<String> ACCEPTED = Set.of("UTF-8", "GBK", "GB18030", "GB2312");

    /** One line: its number from 1, and either its text or why it could not be read. */
    public record Line(long number, String text, String problem) {
        public boolean readable() {
            return problem == null;
        }
    }

    private final BufferedInputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long number;

    private TextUpload(BufferedInputStream in, Charset charset) {
        this.in = in;
        this.charset = charset;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * Opens an upload.
     *
     * @param contentType the request's Content-Type header (may be null)
     * @throws ResponseStatusException 415 for a charset Java does not know or a UTF-16 body
     */
    public static TextUpload open(InputStream body, String contentType) throws IOException {
        BufferedInputStream in = new BufferedInputStream(body, SNIFF);
        Charset declared = declared(contentType);
        in.mark(8);
        byte[] signature = in.readNBytes(4);
        in.reset();
        if (workbook(signature)) {
            throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "this is an Excel workbook (.xlsx or .xls), "
                    + "not a text file; save the sheet as CSV (\"CSV UTF-8\" or plain CSV) and send that as text/csv");
        }
        if (declared != null) {
            if (declared.name().startsWith("UTF-16") || declared.name().startsWith("UTF-32")) {
                throw unsupported(declared.name());
            }
            skipUtf8Mark(in, declared);
            return new TextUpload(in, declared);
        }
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        if (workbook(head)) {
            throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "this is an Excel workbook (.xlsx or .xls), "
                    + "not a text file; save the sheet as CSV (\"CSV UTF-8\" or plain CSV) and send that as text/csv");
        }
        if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
            throw unsupported("UTF-16");
        }
        Charset sniffed = recognise(head, head.length == SNIFF);
        skipUtf8Mark(in, sniffed);
        return new TextUpload(in, sniffed);
    }

    /**
     * The first line (a file's header), or null for an empty upload.
     *
     * @throws org.yibao.web.problem.InvalidRequestException (400, field {@code file}) when it cannot be read
     */
    public String header() throws IOException {
        Line first = next();
        if (first == null) {
            return null;
        }
        if (!first.readable()) {
            throw new org.yibao.web.problem.InvalidRequestException("file", first.problem());
        }
        return first.text();
    }

    /**
     * A whole message body (a JSON message of the national interface, say) decoded strictly in its
     * declared charset, or in UTF-8 (JSON's own) when none is declared.
     *
     * @return the text, or null when the body is not valid in that charset
     * @throws ResponseStatusException 415 for a charset Java does not know
     */
    public static String decode(byte[] body, String contentType) {
        Charset charset = declared(contentType);
        if (charset == null) {
            charset = StandardCharsets.UTF_8;
        }
        int start = charset.equals(StandardCharsets.UTF_8) && body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB
                && body[2] == (byte) 0xBF ? 3 : 0;
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, start, body.length - start)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The charset the lines are read in (declared or recognised). */
    public Charset charset() {
        return charset;
    }

    /** The next line, without its line break, or null at the end of the upload. */
    public Line next() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int length = position - start;
            if (bytes.size() + length <= MAX_LINE) {
                bytes.write(buffer, start, length);
            } else {
                tooLong = true;
            }
            if (position < limit) {
                position++; // the line feed
                break;
            }
        }
        number++;
        if (tooLong) {
            return new Line(number, null, "line " + number + " is longer than " + MAX_LINE + " bytes");
        }
        byte[] raw = bytes.toByteArray();
        int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        try {
            String text = decoder.reset().decode(ByteBuffer.wrap(raw, 0, length)).toString();
            String problem = PlainTextDeserializer.problemWith(text);
            return problem == null ? new Line(number, text, null) : new Line(number, null, "line " + number + " " + problem);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "line " + number + " is not valid " + charset.name()
                    + " text; declare the file's charset in the Content-Type (for example text/csv; charset=GBK)");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static Charset declared(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        // read by hand: Spring's MediaType refuses a charset it does not know, and that is what must be named
        java.util.regex.Matcher charset = CHARSET.matcher(contentType);
        if (!charset.find()) {
            return null;
        }
        String name = charset.group(1);
        try {
            return Charset.forName(name.replace("\"", "").trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw unsupported(name);
        }
    }

    private static ResponseStatusException unsupported(String name) {
        return new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "charset " + name
                + " is not accepted; send the file as " + ACCEPTED.stream().sorted().toList()
                + " (Excel: Save As \"CSV UTF-8\", or plain CSV, which is GBK on Chinese Windows)");
    }

    /**
     * UTF-8 or GB18030 for a body that declares no charset. Short GBK text can happen to be valid UTF-8
     * (路梅 in GBK is the UTF-8 of "·÷"), so validity alone does not decide: UTF-8 Chinese is written in
     * characters of three bytes, while GBK bytes read as UTF-8 give characters of two (Latin, Greek,
     * Cyrillic...). UTF-8 is taken when the sample is valid UTF-8 and holds at least as many characters
     * of three or more bytes as of two; otherwise GB18030 when the sample is valid in it; otherwise
     * UTF-8, whose strict decoding then names the lines that are not.
     */
    static Charset recognise(byte[] head, boolean truncated) {
        boolean utf8 = validUtf8(head, truncated);
        if (utf8 && twoByteCharacters(head) <= wideCharacters(head)) {
            return StandardCharsets.UTF_8;
        }
        Charset gb18030 = Charset.forName("GB18030");
        CharsetDecoder decoder = gb18030.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length + 1), !truncated);
        return result.isError() ? StandardCharsets.UTF_8 : gb18030;
    }

    /** Lead bytes of two-byte UTF-8 characters (U+0080 to U+07FF). */
    private static int twoByteCharacters(byte[] bytes) {
        int n = 0;
        for (byte b : bytes) {
            n += (b & 0xE0) == 0xC0 ? 1 : 0;
        }
        return n;
    }

    /** Lead bytes of UTF-8 characters of three or four bytes (U+0800 and above: every CJK character). */
    private static int wideCharacters(byte[] bytes) {
        int n = 0;
        for (byte b : bytes) {
            n += (b & 0xF0) == 0xE0 || (b & 0xF8) == 0xF0 ? 1 : 0;
        }
        return n;
    }

    /** A zip (.xlsx) or OLE2 (.xls) file's signature. */
    private static boolean workbook(byte[] head) {
        return head.length >= 4 && (head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4
                || head[0] == (byte) 0xD0 && head[1] == (byte) 0xCF && head[2] == (byte) 0x11 && head[3] == (byte) 0xE0);
    }

    /** Whether the bytes are valid UTF-8; a character cut at the end of a truncated sample does not count against it. */
    static boolean validUtf8(byte[] bytes, boolean truncated) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes);
        CharBuffer output = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = utf8.decode(input, output, !truncated);
        if (result.isError()) {
            return false;
        }
        return !truncated || input.remaining() < 4;
    }

    private static void skipUtf8Mark(BufferedInputStream in, Charset charset) throws IOException {
        if (!charset.equals(StandardCharsets.UTF_8)) {
            return;
        }
        in.mark(3);
        byte[] mark = in.readNBytes(3);
        if (mark.length < 3 || mark[0] != (byte) 0xEF || mark[1] != (byte) 0xBB || mark[2] != (byte) 0xBF) {
            in.reset();
        }
    }
}
