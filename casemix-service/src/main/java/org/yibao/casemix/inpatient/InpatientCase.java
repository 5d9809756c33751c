package org.yibao.casemix.inpatient;

import org.yibao.contracts.money.Money;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;

/**
 * An inpatient stay settled one-stop, as quality control and the DIP price read it.
 *
 * @param sex          'F' or 'M', from the resident id's 17th digit
 * @param birthDate    from the resident id
 * @param admittedAt   Beijing local time, or null (a claim announced before ClaimSettled v2)
 * @param dischargedAt Beijing local time, or null
 * @param total        the bill's total, yuan
 * @param basicFund    the basic pooling fund's share item by item, yuan
 * @param othersPaid   the person's cash and personal account, and the catastrophic, supplementary and assistance funds, yuan
 */
public record InpatientCase(String settlementId, String institutionCode, String personId, char sex, LocalDate birthDate,
                            LocalDateTime admittedAt, LocalDateTime dischargedAt, LocalDate serviceDate, Money total, Money basicFund,
                            Money othersPaid, boolean reversed) {

    /** Whole years of age on a day. */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }
}
