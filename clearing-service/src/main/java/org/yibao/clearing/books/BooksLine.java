package org.yibao.clearing.books;

import org.yibao.contracts.money.Money;

/**
 * One month and fund of the clearing's books, over the institutions of a region, in yuan.
 *
 * @param owed                the claims less reversals counted in the month (应付)
 * @param inOrders            of it, what the month's approved orders hold (their owedInPeriod)
 * @param open                of it, what institutions whose month is still open hold (not paid yet)
 * @param broughtForward      what the month's orders brought from earlier months of the year
 * @param withheld            quality deposit withheld (质量保证金)
 * @param deducted            deductions netted (扣款; negative when given back)
 * @param recovered           recoveries netted (追回)
 * @param prepaymentRecovered prepayment instalments recovered (预付金扣回)
 * @param deferred            carried to the next month, or to the year-end
 * @param paid                paid (拨付)
 * @param linesOff            order lines whose parts do not add up to what they owed (0 in good books)
 * @param balanced            owed = inOrders + open, and inOrders + broughtForward = withheld + deducted + recovered +
 *                            prepaymentRecovered + deferred + paid, and no line off
 */
public record BooksLine(String period, String fund, Money owed, Money inOrders, Money open, Money broughtForward, Money withheld,
                        Money deducted, Money recovered, Money prepaymentRecovered, Money deferred, Money paid, long linesOff,
                        boolean balanced) {

    static BooksLine of(String period, String fund, Money owed, Money inOrders, Money open, Money broughtForward, Money withheld,
                        Money deducted, Money recovered, Money prepaymentRecovered, Money deferred, Money paid, long linesOff) {
        boolean balanced = owed.compareTo(inOrders.plus(open)) == 0
                && inOrders.plus(broughtForward).compareTo(withheld.plus(deducted).plus(recovered).plus(prepaymentRecovered)
                .plus(deferred).plus(paid)) == 0
                && linesOff == 0;
        return new BooksLine(period, fund, owed, inOrders, open, broughtForward, withheld, deducted, recovered, prepaymentRecovered,
                deferred, paid, linesOff, balanced);
    }
}
