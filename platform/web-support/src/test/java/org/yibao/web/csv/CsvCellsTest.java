package org.yibao.web.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "=1+1                     | '=1+1",
            "+x                       | '+x",
            "-x                       | '-x",
            "@x                       | '@x",
            "-1+2                     | '-1+2",
            "=HYPERLINK(\"http://x\") | '=HYPERLINK(\"http://x\")",
            "-12.50                   | -12.50",
            "-3                       | -3",
            "12.50                    | 12.50",
            "a,b                      | a,b",
            "say \"hi\"               | say \"hi\"",
            "1+1=2                    | 1+1=2",
            "a@b                      | a@b",
            "氨氯地平                 | 氨氯地平"})
    void aCellThatWouldStartAFormulaIsPrefixedAndANumberIsNot(String cell, String written) {
        assertThat(CsvCells.neutralise(cell)).isEqualTo(written);
    }

    @Test
    void aTabOrCarriageReturnInFrontIsPrefixedAndNothingBecomesEmpty() {
        assertThat(CsvCells.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(CsvCells.neutralise("\r=1")).isEqualTo("'\r=1");
        assertThat(CsvCells.neutralise(null)).isEmpty();
        assertThat(CsvCells.neutralise("")).isEmpty();
        assertThat(CsvCells.neutralise(new BigDecimal("-12.50"))).isEqualTo("-12.50");
    }

    @Test
    void anExportQuotesByRfc4180AndReadsBackCellForCell() throws IOException {
        StringWriter out = new StringWriter();
        CsvExport export = CsvExport.to(out, "name", "note", "amount");
        export.row("=1+1", "a,b", new BigDecimal("-12.50"));
        export.row("say \"hi\"", "line one\nline two", "-x");
        export.row("@x", null, "+x");
        export.flush();

        assertThat(out.toString()).isEqualTo("\uFEFFname,note,amount\r\n"
                + "'=1+1,\"a,b\",-12.50\r\n"
                + "\"say \"\"hi\"\"\",\"line one\nline two\",'-x\r\n"
                + "'@x,,'+x\r\n");
        List<CSVRecord> records = CSVParser.parse(out.toString(), CSVFormat.RFC4180).getRecords();
        assertThat(records).hasSize(4).allSatisfy(r -> assertThat(r.size()).isEqualTo(3));
        assertThat(records.get(1).values()).containsExactly("'=1+1", "a,b", "-12.50");
        assertThat(records.get(2).values()).containsExactly("say \"hi\"", "line one\nline two", "'-x");
        assertThat(records.get(3).values()).containsExactly("'@x", "", "'+x");
    }
}
