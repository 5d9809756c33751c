package org.yibao.clearing.prepayment;

import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * How a prepayment (预付金) is recovered: in {@code months} equal monthly instalments from the first recovery month,
 * each the amount / months rounded down to the fen, the last taking the remainder, so the instalments add up to the
 * amount exactly. ASSUMPTION: equal instalments (Pingdingshan's 2020 epidemic prepayment states the amount, 17.66
 * million yuan, and no schedule).
 */
public final class PrepaymentSchedule {

    private PrepaymentSchedule() {
    }

    /** One month's instalment, yuan. */
    public record Instalment(YearMonth period, Money amount) {
    }

    public static List<Instalment> instalments(Money amount, YearMonth first, int months) {
        if (months < 1) {
            throw new IllegalArgumentException("months must be at least 1: " + months);
        }
        Money each = Money.rounded(amount.amount().divide(BigDecimal.valueOf(months), 10, RoundingMode.DOWN), RoundingMode.DOWN);
        List<Instalment> out = new ArrayList<>();
        Money left = amount;
        for (int i = 0; i < months; i++) {
            Money part = i == months - 1 ? left : each;
            out.add(new Instalment(first.plusMonths(i), part));
            left = left.minus(part);
        }
        return out;
    }

    /** The instalments due through a month (that month's included), yuan. */
    public static Money dueThrough(Money amount, YearMonth first, int months, YearMonth period) {
        return Money.sum(instalments(amount, first, months).stream().filter(i -> !i.period().isAfter(period))
                .map(Instalment::amount).toList());
    }
}
