package org.yibao.clearing.yearend;

import org.yibao.clearing.payment.OrderState;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An institution's year-end clearing statement (年终清算单): one line per fund with its every step explained, who
 * prepared it and who approved it.
 *
 * @param score    the assessment score (考核得分) in force when prepared
 * @param paidNow  what the clearing pays: the positive lines' payable, yuan
 * @param owedBack what the institution owes back: the negative lines' payable as a positive amount, yuan, recovered from
 *                 its next monthly payments (never netted against another fund's line)
 */
public record YearEndClearing(UUID clearingId, String institutionCode, String regionCode, int year, OrderState state, BigDecimal score,
                              Money paidNow, Money owedBack, List<YearEndCalculation.Result> lines, String preparedBy, Instant preparedAt,
                              String approvedBy, Instant approvedAt) {

    public YearEndClearing {
        lines = List.copyOf(lines);
    }
}
