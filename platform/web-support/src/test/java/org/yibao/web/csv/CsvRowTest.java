package org.yibao.web.csv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRowTest {

    /** Found by the independent review: quoted cells (as Excel and LibreOffice write them) were split on their commas or kept their quotes. */
    @Test
    void quotedCellsKeepTheirCommasAndLoseTheirQuotes() {
        assertThat(CsvRow.cells("441702199001011234,\"欧阳,娜娜\",441702")).containsExactly("441702199001011234", "欧阳,娜娜", "441702");
        assertThat(CsvRow.cells("\"441702199001011234\",\"王\"\"小\"\"二\",")).containsExactly("441702199001011234", "王\"小\"二", "");
        assertThat(CsvRow.cells("\"personId\",\"name\"")).containsExactly("personId", "name");
    }

    @Test
    void aLineWithoutQuotesIsSplitAsItIsEmptyCellsIncluded() {
        assertThat(CsvRow.cells("a,,b,")).containsExactly("a", "", "b", "");
        assertThat(CsvRow.cells("")).containsExactly("");
    }

    @Test
    void aQuotedCellThatDoesNotEndOnItsLineIsNoRow() {
        assertThat(CsvRow.cells("441702199001011234,\"欧阳,娜娜")).isNull();
    }
}
