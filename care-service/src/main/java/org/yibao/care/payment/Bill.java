package org.yibao.care.payment;

import org.yibao.contracts.money.Money;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * A care institution's monthly bill (护理费用月结): one line per beneficiary, and its totals in yuan.
 *
 * @param sequence    1 for the month's bill; 2, 3... for a supplementary bill (补报) of days not billed yet
 * @param submittedBy the institution's client (token)
 */
public record Bill(UUID billId, String institutionCode, YearMonth month, int sequence, String submittedBy, Instant submittedAt,
                   List<Payment> lines, Money standardAmount, Money fundPaid, Money personShare) {

    public Bill {
        lines = List.copyOf(lines);
    }
}
