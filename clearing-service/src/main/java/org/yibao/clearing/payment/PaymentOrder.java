package org.yibao.clearing.payment;

import org.yibao.clearing.deduction.Deduction;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A monthly payment order (月度拨付单) of one institution and period: the calculation's every part, who
 * prepared it and who approved it.
 *
 * @param depositRatio     the quality deposit ratio of the region's clearing rules
 * @param deductions       deductions outstanding it netted (net of give-backs), yuan
 * @param recoveries       recoveries outstanding it netted, yuan
 * @param deductionCarried deductions left for the next month, every fund's (each line holds its own), yuan
 * @param recoveryCarried  recoveries left for the next month, yuan
 * @param lines            one per fund, each balancing to the fen
 * @param monthlyCaps      the caps applied, one per basic pooling fund with a budget
 * @param netted           the deductions and recoveries it nets (marked so on approval)
 * @param prepayments      what it recovers of each prepayment (预付金), counted as recovered on approval
 */
public record PaymentOrder(UUID orderId, String institutionCode, String regionCode, String period, OrderState state,
                           BigDecimal depositRatio, Money deductions, Money recoveries, Money deductionCarried,
                           Money recoveryCarried, Money paid, List<Line> lines, List<Netted> netted,
                           List<PrepaymentRecovered> prepayments, String preparedBy, Instant preparedAt, String approvedBy, Instant approvedAt) {

    public PaymentOrder {
        lines = List.copyOf(lines);
        netted = List.copyOf(netted);
        prepayments = List.copyOf(prepayments);
    }

    /**
     * A fund's line, the monthly cap applied to it (null when none), and the deductions its fund could not take
     * this month, carried to the next month on the same fund (0.00 but on a basic pooling fund).
     */
    public record Line(FundPayment payment, Money monthlyCap, Money deductionCarried) {
    }

    /** What the order recovers of a prepayment, yuan. */
    public record PrepaymentRecovered(UUID prepaymentId, Money amount) {
    }

    /** A deduction or recovery the order nets. */
    public record Netted(String sourceId, Deduction.Kind kind, Money amount) {
    }
}
