package org.yibao.clearing.yearend;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import jakarta.servlet.http.HttpServletResponse;
import org.yibao.clearing.payment.OrderState;
import org.yibao.clearing.print.PrintedSheet;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.InvalidRequestException;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.UUID;

/** The year-end clearing (年终清算) and the assessment scores it reads, behind the gateway at {@code /api/clearing/years}. */
@RestController
@RequestMapping("/api/clearing/years/{year}")
class YearEndController {

    private final YearEndService yearEnd;

    YearEndController(YearEndService yearEnd) {
        this.yearEnd = yearEnd;
    }

    /**
     * An institution's assessment score (考核得分) of the year.
     *
     * @param score 0 to 100, at most two decimals
     */
    record Assess(@NotBlank @Pattern(regexp = "[A-Z0-9]{4,32}", message = "must be 4 to 32 capital letters or digits") String institutionCode,
                  @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal score) {
    }

    /** Sets a new version of the score (201); 409 once the year's clearing was approved. */
    @PostMapping("/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    Assessment assess(@PathVariable String year, @Valid @RequestBody Assess r, CallerIdentity caller) {
        return yearEnd.assess(year(year), r.institutionCode(), r.score(), caller);
    }

    /** The institution whose year is cleared. */
    record PrepareClearing(@NotBlank @Pattern(regexp = "[A-Z0-9]{4,32}", message = "must be 4 to 32 capital letters or digits")
                           String institutionCode) {
    }

    /** Prepares the institution's year-end clearing (201), or answers the one in force (200). */
    @PostMapping("/clearings")
    ResponseEntity<YearEndClearing> prepare(@PathVariable String year, @Valid @RequestBody PrepareClearing r, CallerIdentity caller) {
        YearEndService.Prepared p = yearEnd.prepare(year(year), r.institutionCode(), caller);
        return ResponseEntity.status(p.created() ? HttpStatus.CREATED : HttpStatus.OK).body(p.clearing());
    }

    /** Approves a statement: by another clearing officer than its preparer (403 for the preparer). */
    @PostMapping("/clearings/{id}/approval")
    YearEndClearing approve(@PathVariable String year, @PathVariable String id, CallerIdentity caller) {
        return yearEnd.approve(year(year), clearingId(id), caller);
    }

    /** A statement, every fund's steps explained line by line. */
    @GetMapping("/clearings/{id}")
    YearEndClearing clearing(@PathVariable String year, @PathVariable String id) {
        return yearEnd.clearing(year(year), clearingId(id));
    }

    /**
     * The statement as a printable sheet (年终清算单, PDF, A4 landscape): one row per fund, every part in yuan, each step
     * explained, and the preparer's and approver's names.
     */
    @GetMapping("/clearings/{id}.pdf")
    void pdf(@PathVariable String year, @PathVariable String id, HttpServletResponse response) throws IOException {
        YearEndClearing c = yearEnd.clearing(year(year), clearingId(id));
        PrintedSheet sheet = PrintedSheet.titled("医疗保障基金年终清算单 Year-end clearing statement"
                        + (c.state() == OrderState.APPROVED ? "" : " — 未审核 NOT APPROVED, not for payment"))
                .fact("定点医药机构 Institution", c.institutionCode())
                .fact("清算年度 Year", c.year())
                .fact("统筹区 Region", c.regionCode())
                .fact("状态 State", c.state())
                .fact("单号 Statement", c.clearingId())
                .fact("考核得分 Assessment score", c.score().stripTrailingZeros().toPlainString())
                .columns("基金 Fund", "预算 Budget", "实际 Actual", "结余留用 Retained", "超支分担(基金) Fund share", "机构承担 Borne",
                        "清算额 Recognised", "结转 Deferred", "保证金返还 Released", "保证金扣留 Forfeited", "应拨付 Payable");
        for (YearEndCalculation.Result l : c.lines()) {
            sheet.row(l.fund(), l.budget(), l.actual(), l.retained(), l.fundShare(), l.borne(), l.recognised(), l.deferred(),
                    l.released(), l.forfeited(), l.payable());
        }
        sheet.row("本次拨付 Paid now", null, null, null, null, null, null, null, null, null, c.paidNow());
        sheet.row("应退回 Owed back (recovered from the next payments)", null, null, null, null, null, null, null, null, null, c.owedBack());
        for (YearEndCalculation.Result l : c.lines()) {
            sheet.note(l.fund() + ":");
            l.explanation().forEach(step -> sheet.note("  " + step));
        }
        sheet.signature("制单 Prepared by", c.preparedBy()).signature("审核 Approved by", c.approvedBy());
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"year-end-clearing-" + c.year() + "-" + c.institutionCode() + ".pdf\"");
        sheet.writeTo(response.getOutputStream());
    }

    static int year(String text) {
        if (text == null || !text.matches("20[0-9]{2}|2100")) {
            throw new InvalidRequestException("year", "must be a year from 2000 to 2100");
        }
        return Integer.parseInt(text);
    }

    static UUID clearingId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("id", "must be a year-end clearing id (a UUID)");
        }
    }
}
