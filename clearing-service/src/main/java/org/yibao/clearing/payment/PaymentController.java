package org.yibao.clearing.payment;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.clearing.print.PrintedSheet;
import org.yibao.security.CallerIdentity;
import org.yibao.web.csv.CsvExport;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.RequestParameters;

import java.io.IOException;
import java.util.UUID;

/** Monthly payment orders (月度拨付单), behind the gateway at {@code /api/clearing}. */
@RestController
@RequestMapping("/api/clearing/periods/{period}/payment-orders")
class PaymentController {

    private final PaymentService payments;

    PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    /** The institution whose month is paid. */
    record PrepareOrder(@NotBlank @Pattern(regexp = "[A-Z0-9]{4,32}", message = "must be 4 to 32 capital letters or digits")
                        String institutionCode) {
    }

    /**
     * Prepares the institution's order for a month that has ended (201), or answers the one in force (200).
     *
     * @param period yyyy-MM
     */
    @PostMapping
    ResponseEntity<PaymentOrder> prepare(@PathVariable String period, @Valid @RequestBody PrepareOrder r, CallerIdentity caller) {
        PaymentService.Prepared prepared = payments.prepare(RequestParameters.month(period, "period"), r.institutionCode(), caller);
        return ResponseEntity.status(prepared.created() ? HttpStatus.CREATED : HttpStatus.OK).body(prepared.order());
    }

    /** Approves an order: by another clearing officer than its preparer (403 for the preparer). */
    @PostMapping("/{id}/approval")
    PaymentOrder approve(@PathVariable String period, @PathVariable String id, CallerIdentity caller) {
        return payments.approve(RequestParameters.month(period, "period"), orderId(id), caller);
    }

    @GetMapping("/{id}")
    PaymentOrder order(@PathVariable String period, @PathVariable String id) {
        return payments.order(RequestParameters.month(period, "period"), orderId(id));
    }

    /**
     * The order for the treasury (国库/财政专户) as CSV: one row per fund, every part in yuan, then a total row;
     * RFC 4180 quoting, cells that would start a formula neutralised (CsvExport).
     */
    @GetMapping("/{id}.csv")
    void csv(@PathVariable String period, @PathVariable String id, HttpServletResponse response) throws IOException {
        PaymentOrder o = payments.order(RequestParameters.month(period, "period"), orderId(id));
        if (o.state() != OrderState.APPROVED) {
            throw new ConflictException("id: order " + o.orderId() + " is " + o.state() + "; the treasury's file is of an approved order only");
        }
        response.setContentType("text/csv;charset=UTF-8");
        CsvExport out = CsvExport.to(response.getWriter(), "orderId", "institutionCode", "period", "state", "fund", "owedInPeriod",
                "broughtForward", "owed", "withheld", "deducted", "recovered", "prepaymentRecovered", "deferred", "paid", "monthlyCap",
                "preparedBy", "approvedBy");
        for (PaymentOrder.Line line : o.lines()) {
            FundPayment p = line.payment();
            out.row(o.orderId(), o.institutionCode(), o.period(), o.state(), p.fund(), p.owedInPeriod(), p.broughtForward(), p.owed(),
                    p.withheld(), p.deducted(), p.recovered(), p.prepaymentRecovered(), p.deferred(), p.paid(), line.monthlyCap(),
                    o.preparedBy(), o.approvedBy());
        }
        out.row(o.orderId(), o.institutionCode(), o.period(), o.state(), "TOTAL", null, null, null, null, null, null, null, null, o.paid(),
                null, o.preparedBy(), o.approvedBy());
        out.flush();
    }

    /**
     * The order as a printable sheet (拨付单, PDF, A4 landscape): one row per fund, every part in yuan, the total, the
     * netted deductions and prepayments, and the preparer's and approver's names.
     */
    @GetMapping("/{id}.pdf")
    void pdf(@PathVariable String period, @PathVariable String id, HttpServletResponse response) throws IOException {
        PaymentOrder o = payments.order(RequestParameters.month(period, "period"), orderId(id));
        PrintedSheet sheet = PrintedSheet.titled("医疗保障基金月度拨付单 Monthly payment order"
                        + (o.state() == OrderState.APPROVED ? "" : " — 未审核 NOT APPROVED, not for payment"))
                .fact("定点医药机构 Institution", o.institutionCode())
                .fact("清算期 Period", o.period())
                .fact("统筹区 Region", o.regionCode())
                .fact("状态 State", o.state())
                .fact("单号 Order", o.orderId())
                .fact("质量保证金比例 Deposit ratio", o.depositRatio().stripTrailingZeros().toPlainString())
                .columns("基金 Fund", "本期应付 Owed in period", "上期结转 Brought forward", "应付 Owed", "质量保证金 Withheld",
                        "扣款 Deducted", "追回 Recovered", "预付金扣回 Prepayment recovered", "结转 Deferred", "拨付 Paid", "月度上限 Cap");
        for (PaymentOrder.Line line : o.lines()) {
            FundPayment p = line.payment();
            sheet.row(p.fund(), p.owedInPeriod(), p.broughtForward(), p.owed(), p.withheld(), p.deducted(), p.recovered(),
                    p.prepaymentRecovered(), p.deferred(), p.paid(), line.monthlyCap());
        }
        sheet.row("合计 Total", null, null, null, null, null, null, null, null, o.paid(), null);
        sheet.note("每行 Each line: 应付 owed = 质量保证金 withheld + 扣款 deducted + 追回 recovered + 预付金扣回 prepayment recovered"
                + " + 结转 deferred + 拨付 paid (yuan, to the fen).");
        for (PaymentOrder.Netted n : o.netted()) {
            sheet.note(n.kind() + " " + n.sourceId() + ": " + n.amount());
        }
        for (PaymentOrder.PrepaymentRecovered r : o.prepayments()) {
            sheet.note("预付金 prepayment " + r.prepaymentId() + ": " + r.amount() + " recovered");
        }
        sheet.signature("制单 Prepared by", o.preparedBy()).signature("审核 Approved by", o.approvedBy());
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"payment-order-" + o.period() + "-" + o.institutionCode() + ".pdf\"");
        sheet.writeTo(response.getOutputStream());
    }

    private static UUID orderId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("id", "must be a payment order id (a UUID)");
        }
    }
}
