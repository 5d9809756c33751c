package org.yibao.web.text;

import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextUploadTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String CSV = "personId,name,regionCode\r\n441702199001011234,李四,441702\r\n441702199001015678,王五,441702\r\n";

    /** Finding 6 of the security review: an Excel CSV from Chinese Windows (GBK) was stored as U+FFFD, with or without a charset. */
    @Test
    void aGbkFileFromExcelIsReadRightWithOrWithoutItsCharset() throws IOException {
        byte[] gbk = CSV.getBytes(GBK);

        assertThat(lines(gbk, "text/csv; charset=GBK")).containsExactly("personId,name,regionCode",
                "441702199001011234,李四,441702", "441702199001015678,王五,441702");
        assertThat(lines(gbk, "text/csv")).containsExactly("personId,name,regionCode",
                "441702199001011234,李四,441702", "441702199001015678,王五,441702");
        assertThat(lines(gbk, null)).contains("441702199001011234,李四,441702");
        assertThat(charsetOf(gbk, "text/csv")).isEqualTo("GB18030");
    }

    /** Found by the independent review: 路梅 and 陆慕 in GBK happen to be valid UTF-8 ("·÷", "½Ľ") and were stored so. */
    @Test
    void shortGbkTextThatHappensToBeValidUtf8IsStillReadAsGbk() throws IOException {
        byte[] gbk = "personId,name\n441702199001011234,路梅\n441702199001015678,陆慕\n".getBytes(GBK);

        assertThat(lines(gbk, "text/csv")).containsExactly("personId,name", "441702199001011234,路梅", "441702199001015678,陆慕");
    }

    @Test
    void utf8ChineseWithAMiddleDotInAMinorityNameStaysUtf8() throws IOException {
        byte[] utf8 = "personId,name\n652101199001011234,阿沛·阿旺晋美\n".getBytes(StandardCharsets.UTF_8);

        assertThat(lines(utf8, "text/csv")).contains("652101199001011234,阿沛·阿旺晋美");
    }

    @Test
    void utf8WithOrWithoutItsByteOrderMarkIsUtf8() throws IOException {
        byte[] utf8 = CSV.getBytes(StandardCharsets.UTF_8);
        byte[] marked = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8);

        assertThat(lines(utf8, "text/csv")).contains("441702199001011234,李四,441702");
        assertThat(lines(marked, "text/csv").get(0)).isEqualTo("personId,name,regionCode");
        assertThat(lines(marked, "text/csv; charset=utf-8").get(0)).isEqualTo("personId,name,regionCode");
        assertThat(charsetOf(utf8, "text/csv")).isEqualTo("UTF-8");
    }

    @Test
    void aLineNotValidInTheDeclaredCharsetIsNamedAndTheOthersAreRead() throws IOException {
        byte[] mixed = concat("personId,name\n441702199001011234,".getBytes(StandardCharsets.UTF_8), "李四\n".getBytes(GBK),
                "441702199001015678,王五\n".getBytes(StandardCharsets.UTF_8));

        List<TextUpload.Line> read = all(mixed, "text/csv; charset=UTF-8");

        assertThat(read).hasSize(3);
        assertThat(read.get(1).readable()).isFalse();
        assertThat(read.get(1).problem()).contains("line 2").contains("not valid UTF-8").contains("charset=GBK");
        assertThat(read.get(2).text()).isEqualTo("441702199001015678,王五");
        assertThat(read).noneMatch(l -> l.text() != null && l.text().contains("\uFFFD"));
    }

    @Test
    void controlCharactersAndOverlongLinesAreNamed() throws IOException {
        byte[] body = ("a,b\nx\u0000y,z\n" + "q".repeat(TextUpload.MAX_LINE + 10) + "\nlast\n").getBytes(StandardCharsets.UTF_8);

        List<TextUpload.Line> read = all(body, "text/csv");

        assertThat(read.get(1).problem()).contains("line 2").contains("U+0000");
        assertThat(read.get(2).problem()).contains("line 3").contains("longer than");
        assertThat(read.get(3).text()).isEqualTo("last");
    }

    @Test
    void utf16AndUnknownCharsetsAreRefusedNamingWhatIsAccepted() {
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "a,b\n".getBytes(StandardCharsets.UTF_16LE));

        assertThatThrownBy(() -> all(utf16, "text/csv")).isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("415").hasMessageContaining("UTF-8").hasMessageContaining("GBK");
        assertThatThrownBy(() -> all("a".getBytes(), "text/csv; charset=klingon")).hasMessageContaining("charset klingon");
        assertThatThrownBy(() -> all("a".getBytes(), "text/csv; charset=UTF-16")).hasMessageContaining("UTF-16");
    }

    @Test
    void anExcelWorkbookIsRefusedNamingWhatToSendInstead() {
        byte[] xlsx = {'P', 'K', 3, 4, 20, 0, 6, 0};
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

        assertThatThrownBy(() -> all(xlsx, "text/csv")).hasMessageContaining("415").hasMessageContaining("Excel workbook")
                .hasMessageContaining("text/csv");
        assertThatThrownBy(() -> all(xls, "text/csv; charset=GBK")).hasMessageContaining("Excel workbook");
    }

    @Test
    void aUtf8FileWhoseFirst64KibAreAsciiIsReadAsUtf8() throws IOException {
        String ascii = "a,b\n".repeat(TextUpload.SNIFF / 4 + 10);
        byte[] body = (ascii + "李四,王五\n").getBytes(StandardCharsets.UTF_8);

        List<TextUpload.Line> read = all(body, null);

        assertThat(read.get(read.size() - 1).text()).isEqualTo("李四,王五");
    }

    private static List<String> lines(byte[] body, String contentType) throws IOException {
        return all(body, contentType).stream().map(TextUpload.Line::text).toList();
    }

    private static String charsetOf(byte[] body, String contentType) throws IOException {
        try (TextUpload upload = TextUpload.open(new ByteArrayInputStream(body), contentType)) {
            return upload.charset().name();
        }
    }

    private static List<TextUpload.Line> all(byte[] body, String contentType) throws IOException {
        List<TextUpload.Line> lines = new ArrayList<>();
        try (TextUpload upload = TextUpload.open(new ByteArrayInputStream(body), contentType)) {
            for (TextUpload.Line line = upload.next(); line != null; line = upload.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
