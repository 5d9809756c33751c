package org.yibao.procurement.volume;

import org.junit.jupiter.api.Test;
import org.yibao.web.problem.FieldProblem;
import org.yibao.web.problem.InvalidRequestException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Agreed-volume files and purchase reports read whole, every bad row named with its line (the header is line 1). */
class VolumeFileTest {

    private static final Set<String> SELECTED = Set.of("A1", "B2");

    @Test
    void aQuantityIsPositiveWithAtMostThreeDecimalsAndBelowAHundredBillion() {
        assertThat(VolumeFile.quantityProblem(new BigDecimal("0"))).isEqualTo("must be more than zero");
        assertThat(VolumeFile.quantityProblem(new BigDecimal("-5"))).isEqualTo("must be more than zero");
        assertThat(VolumeFile.quantityProblem(new BigDecimal("1.0001"))).isEqualTo("has more than 3 decimals");
        assertThat(VolumeFile.quantityProblem(new BigDecimal("1.2300"))).as("trailing zeros are no decimals").isNull();
        assertThat(VolumeFile.quantityProblem(new BigDecimal("99999999999.999"))).isNull();
        assertThat(VolumeFile.quantityProblem(new BigDecimal("100000000000"))).isEqualTo("must be below 100000000000");
        assertThat(VolumeFile.quantityProblem(new BigDecimal("1e12"))).isEqualTo("must be below 100000000000");
    }

    @Test
    void aGoodVolumeFileIsReadWholeSkippingBlankLines() throws IOException {
        VolumeFile.Read<AgreedVolume> read = volumes("institution,itemCode,volume\nH41170000001,A1,1000\n\n H41170000001 , B2 , 2.5 \n");

        assertThat(read.errors()).isEmpty();
        assertThat(read.rows()).containsExactly(new AgreedVolume("H41170000001", "A1", new BigDecimal("1000")),
                new AgreedVolume("H41170000001", "B2", new BigDecimal("2.5")));
        List<List<AgreedVolume>> saved = new ArrayList<>();
        assertThat(read.applyWhole(saved::add)).isEqualTo(new Report(2, true, List.of()));
        assertThat(saved).containsExactly(read.rows());
    }

    @Test
    void aBadVolumeFileNamesEveryBadRowAndCountsEveryRow() throws IOException {
        VolumeFile.Read<AgreedVolume> read = volumes("""
                institution,itemCode,volume
                H41170000001,A1,1000

                H41170000001,A1,5
                H41170000002,NOPE,1
                H41170000002,A1,1.0005
                h41,A1,1
                H41170000002,B2
                """);

        List<List<AgreedVolume>> saved = new ArrayList<>();
        assertThat(read.applyWhole(saved::add)).isEqualTo(new Report(6, false, List.of(
                new RowError(4, "itemCode", "repeats an earlier row for this institution"),
                new RowError(5, "itemCode", "is not a selected product of any batch"),
                new RowError(6, "volume", "has more than 3 decimals"),
                new RowError(7, "institution", "must be an institution code such as H41170000001"),
                new RowError(8, "(row)", "has 2 fields, expected 3"))));
        assertThat(saved).as("nothing of the file is applied").isEmpty();
    }

    @Test
    void aFileWithoutTheExactHeaderIsRefusedWhole() {
        assertThatThrownBy(() -> volumes("institution,itemCode\nH41170000001,A1\n")).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.problems()).containsExactly(new FieldProblem("header", "must be exactly institution,itemCode,volume")));
    }

    @Test
    void aPurchaseKeepsItsLineAndNeedsARealDate() throws IOException {
        VolumeFile.Read<Purchase> read = VolumeFile.read(utf8("""
                institution,itemCode,quantity,purchasedOn
                H41170000007,A1,500,2026-02-01
                H41170000007,A1,500,2026-02-30
                H41170000007,A1,0,2026-02-01
                """), "text/csv", Purchase.COLUMNS, Purchase.rows(SELECTED));

        assertThat(read.rows()).containsExactly(new Purchase(2, "H41170000007", "A1", new BigDecimal("500"), LocalDate.of(2026, 2, 1)));
        assertThat(read.errors()).containsExactly(new RowError(3, "purchasedOn", "must be a date such as 2026-03-01"),
                new RowError(4, "quantity", "must be more than zero"));
    }

    private static VolumeFile.Read<AgreedVolume> volumes(String csv) throws IOException {
        return VolumeFile.read(utf8(csv), "text/csv", AgreedVolume.COLUMNS, AgreedVolume.rows(SELECTED));
    }

    private static ByteArrayInputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
