package org.yibao.supervision.rules;

import org.yibao.contracts.money.Money;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies rule library entries to a claim: the entries of the stage whose scenes include the claim's,
 * each through its rule type, minus the hits on an exempt claim (the claim a hit is about is judged, not
 * the claim that brought it to light: an emergency stay does not excuse the outpatient bills inside it).
 * At the pre-check (stages BEFORE and DURING) only hits on the bill under check count: a finding on an
 * already settled claim is the smart audit's to make. After settlement, a finding on lines the patient
 * paid whole (class C, or self-paid under a restriction) cost the funds nothing and is dropped, unless
 * the rule protects the patient's money too ({@link RuleType#concernsSelfPay()}). An amount is at most
 * the claim's total, in yuan. Pure: what the rules read is in the {@link RuleInput}.
 */
public final class RuleEngine {

    private RuleEngine() {
    }

    /** The findings of {@code entries} (enabled or not: the caller chooses) on the input's claim, in entry order. */
    public static List<RuleFinding> apply(List<RuleEntry> entries, RuleInput input) {
        List<RuleFinding> findings = new ArrayList<>();
        Scene scene = Scene.of(input.claim().visitType());
        for (RuleEntry entry : entries) {
            if (!entry.stages().contains(input.stage()) || !entry.scenes().contains(scene)) {
                continue;
            }
            for (Hit hit : entry.check(input)) {
                boolean onThisBill = hit.target().settlementId().equals(input.claim().settlementId());
                if ((input.stage() != Stage.AFTER && !onThisBill) || exempt(entry, hit.target(), input)) {
                    continue;
                }
                if (input.stage() == Stage.AFTER && !entry.concernsSelfPay() && paidWholeByThePatient(hit)) {
                    continue;
                }
                Money amount = hit.amount().amount().compareTo(hit.target().total().amount()) > 0 ? hit.target().total() : hit.amount();
                findings.add(new RuleFinding(entry.id(), entry.name(), entry.kind(), entry.severity(), hit.target(), hit.lines(),
                        hit.related(), amount, hit.evidence()));
            }
        }
        return findings;
    }

    /** The most days of history any of the entries reads. */
    public static int historyDays(List<RuleEntry> entries) {
        return entries.stream().mapToInt(RuleEntry::historyDays).max().orElse(0);
    }

    private static boolean paidWholeByThePatient(Hit hit) {
        if (hit.lines().isEmpty()) {
            return false;
        }
        return hit.target().lines().stream().filter(l -> hit.lines().contains(l.no()))
                .allMatch(l -> l.selfPay().amount().compareTo(l.amount().amount()) >= 0);
    }

    private static boolean exempt(RuleEntry entry, ClaimFacts claim, RuleInput input) {
        for (Exemption e : entry.exemptions()) {
            if (e == Exemption.EMERGENCY && claim.emergency()) {
                return true;
            }
            if (e == Exemption.PLANNED_TREATMENT && input.knowledge().plannedTreatment(claim.diagnoses())) {
                return true;
            }
        }
        return false;
    }
}
