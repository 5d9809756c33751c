package org.yibao.supervision.precheck;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit rules that fit one bill, shared by the real-time pre-check (before settlement) and the
 * smart audit (after it), so both judge a bill the same way.
 */
@Component
public class SingleBillRules {

    /** One line of a bill as the rules see it. */
    public record Item(String itemCode, BigDecimal quantity, Money amount) {
    }

    /**
     * What a rule found.
     *
     * @param blocking whether the pre-check refuses the bill for it (otherwise it warns)
     */
    public record Finding(AuditRule rule, boolean blocking, String evidence, Money amountAtRisk) {
    }

    private final PreCheckRules rules;

    SingleBillRules(PreCheckRules rules) {
        this.rules = rules;
    }

    /** The patient as the rules see them: gender and birth date come from the resident id. */
    public record Patient(ResidentId id, LocalDate serviceDate, List<String> diagnoses) {

        int age() {
            return Period.between(id.birthDate(), serviceDate).getYears();
        }
    }

    public List<Finding> check(Patient patient, List<Item> items) {
        ResidentId.Gender gender = patient.id().gender();
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<String> forbidden = gender == ResidentId.Gender.MALE ? rules.femaleOnlyItems() : rules.maleOnlyItems();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String where = "line " + (i + 1) + " (" + item.itemCode() + ")";
            if (item.quantity().compareTo(rules.maxQuantityPerLine()) > 0) {
                findings.add(new Finding(AuditRule.EXCESSIVE_QUANTITY, false, where + ": quantity " + item.quantity().toPlainString()
                        + " is above " + rules.maxQuantityPerLine().toPlainString() + " (excessive quantity)", item.amount()));
            }
            Integer first = seen.putIfAbsent(item.itemCode(), i + 1);
            if (first != null) {
                findings.add(new Finding(AuditRule.REPEATED_CHARGING, false, where + " repeats line " + first
                        + " (repeated or split charging)", item.amount()));
            }
            for (PreCheckRules.AgeLimit limit : rules.ageLimitedItems()) {
                int age = patient.age();
                if (item.itemCode().startsWith(limit.prefix()) && (age < limit.minAge() || age > limit.maxAge())) {
                    findings.add(new Finding(AuditRule.ITEM_SWITCHING, true, where + " is for patients aged " + limit.minAge() + "-"
                            + limit.maxAge() + "; this patient is " + age + " (item switching)", item.amount()));
                }
            }
            for (PreCheckRules.DiagnosisBound bound : rules.diagnosisBoundItems()) {
                if (item.itemCode().startsWith(bound.prefix()) && patient.diagnoses().stream()
                        .noneMatch(d -> bound.diagnoses().stream().anyMatch(d.toUpperCase()::startsWith))) {
                    findings.add(new Finding(AuditRule.ITEM_DIAGNOSIS_MISMATCH, false, where + " does not fit the diagnoses "
                            + patient.diagnoses() + " (expected one of " + bound.diagnoses() + ")", item.amount()));
                }
            }
            if (forbidden.stream().anyMatch(item.itemCode()::startsWith)) {
                findings.add(new Finding(AuditRule.ITEM_SWITCHING, true, where + " cannot be billed for a "
                        + gender.name().toLowerCase() + " patient (item switching)", item.amount()));
            }
        }
        return findings;
    }
}
