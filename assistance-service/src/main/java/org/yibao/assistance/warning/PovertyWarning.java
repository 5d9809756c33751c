package org.yibao.assistance.warning;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.PovertyRiskFlagged.PovertyRisk;
import org.yibao.contracts.money.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * One dual warning (因病致贫/因病返贫 双预警) as stored: raised once per person, year and risk.
 *
 * @param risk            which of the two warnings: IMPOVERISHMENT (致贫, no assistance identity) or RELAPSE (返贫)
 * @param category        the person's assistance category when it was raised, or null
 * @param personalPayment the year's personal payment that reached the threshold, yuan
 * @param basis           ABSOLUTE (the configured threshold) or INCOME_SHARE (a share of the household income)
 * @param flaggedAt       when it was raised; the month filter and the export go by it (Beijing time)
 * @param confirmedBy     who recorded the answer (the officer's token: the confirmer, or who uploaded the
 *                        department's file); null while open or for answers recorded before it was kept
 * @param confirmedAt     when the answer was recorded
 * @param note            the officer's note on the answer, if any
 */
public record PovertyWarning(UUID warningId, String personId, String regionCode, int year, PovertyRisk risk,
                             AssistanceCategory category, Money personalPayment, Money threshold, String basis,
                             Instant flaggedAt, WarningStatus status, String confirmedBy, Instant confirmedAt, String note) {

    /** One page of warnings, and how many the filter holds. */
    public record Page(java.util.List<PovertyWarning> warnings, long total) {
    }
}
