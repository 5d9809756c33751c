package org.yibao.assistance.warning;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.PovertyRiskFlagged.PovertyRisk;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The dual early warning's rule (因病致贫/因病返贫 双预警), pure: a low-income person (any assistance
 * category) is at risk of relapse (返贫) when the year's personal payment reaches the low-income
 * threshold, anyone else at risk of impoverishment (致贫) at the general threshold; where the
 * household income is known and its share is lower, that share is the threshold instead. Thresholds
 * are rounded half up to the fen. Source: ASSUMPTION (the seeds name the warning, not its numbers;
 * application.yml).
 */
final class WarningRule {

    /** A warning to raise: which risk, the threshold reached, and its basis (ABSOLUTE or INCOME_SHARE). */
    record Decision(PovertyRisk risk, Money threshold, String basis) {
    }

    private final WarningProperties properties;

    WarningRule(WarningProperties properties) {
        this.properties = properties;
    }

    /**
     * @param paid            the person's personal payment of the year so far, yuan
     * @param category        the person's assistance category, or null
     * @param householdIncome the household's income of the year, yuan, or null when unknown
     * @return the warning to raise, or empty when the payment is below the threshold
     */
    Optional<Decision> judge(Money paid, AssistanceCategory category, BigDecimal householdIncome) {
        PovertyRisk risk = category != null ? PovertyRisk.RELAPSE : PovertyRisk.IMPOVERISHMENT;
        Money threshold = Money.rounded(category != null ? properties.lowIncomeThreshold() : properties.generalThreshold(),
                RoundingMode.HALF_UP);
        String basis = "ABSOLUTE";
        if (householdIncome != null) {
            Money share = Money.rounded(householdIncome.multiply(properties.incomeShare()), RoundingMode.HALF_UP);
            if (share.compareTo(threshold) < 0) {
                threshold = share;
                basis = "INCOME_SHARE";
            }
        }
        return paid.compareTo(threshold) < 0 ? Optional.empty() : Optional.of(new Decision(risk, threshold, basis));
    }
}
