package org.yibao.procurement.volume;

import org.yibao.web.problem.RequestParameters;
import org.yibao.web.problem.InvalidRequestException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * An agreement year (协议年度) of agreed volumes, 2000 to 2100 (400 naming {@code year} otherwise).
 * ASSUMPTION: the agreement year is the calendar year.
 */
public record AgreementYear(int value) {

    public AgreementYear {
        RequestParameters.year(value);
    }

    /**
     * The share of the year elapsed on {@code today}, in percent with 2 decimals (half up): 100 once the
     * year is over, 0 before it starts, else today's day of the year over the days of the year (today counts).
     */
    public BigDecimal elapsedPercent(LocalDate today) {
        if (today.getYear() > value) {
            return BigDecimal.valueOf(100).setScale(2);
        }
        if (today.getYear() < value) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(today.getDayOfYear() * 100L).divide(BigDecimal.valueOf(today.lengthOfYear()), 2, RoundingMode.HALF_UP);
    }
}
