package org.yibao.clearing.application;

import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.RefusedException;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The month an application clears (清算年月, setlym), from the dates it states (begndate, enddate).
 *
 * <p>ASSUMPTION (the national spec states the fields, not the rule): the platform owes an institution per
 * Beijing month (owed_entry's period), so an application covers days of one month only, the begin date on
 * or before the end date, and names that month as its period; an application for days of two months is
 * refused, the institution files one per month. A month is cleared after it has ended (as payment orders
 * are prepared only then): an application for the current or a later month is refused 422.
 */
final class ApplicationPeriod {

    private ApplicationPeriod() {
    }

    /**
     * The month of the application's dates.
     *
     * @param stated    the month the application names (yyyy-MM)
     * @param thisMonth the current Beijing month
     * @throws InvalidRequestException (400) naming endDate when it is before beginDate or in another month,
     *                                 naming period when it is not the dates' month
     * @throws RefusedException        (422) naming period when the month has not ended
     */
    static YearMonth of(YearMonth stated, LocalDate beginDate, LocalDate endDate, YearMonth thisMonth) {
        if (endDate.isBefore(beginDate)) {
            throw new InvalidRequestException("endDate", "must be on or after beginDate " + beginDate);
        }
        YearMonth month = YearMonth.from(beginDate);
        if (!YearMonth.from(endDate).equals(month)) {
            throw new InvalidRequestException("endDate", "must be in the month of beginDate (" + month
                    + "): an application clears one month; file one per month");
        }
        if (!stated.equals(month)) {
            throw new InvalidRequestException("period", "is " + stated + " but beginDate and endDate are in " + month);
        }
        if (!month.isBefore(thisMonth)) {
            throw new RefusedException("period: " + month + " has not ended; a month is cleared after it");
        }
        return month;
    }
}
