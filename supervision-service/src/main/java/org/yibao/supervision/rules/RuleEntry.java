package org.yibao.supervision.rules;

import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.Severity;

import java.util.List;
import java.util.Set;

/**
 * An entry of the rule library (规则): a rule type with its parameters and the national framework's
 * metadata.
 *
 * @param id         unique in the library, e.g. "SB-01" (the national interface's rule_id)
 * @param name       the rule's name for reviewers and hospitals (rule_name)
 * @param kind       the kind of violation its findings are (违规行为分类, vola_bhvr_type)
 * @param type       the rule type that applies it
 * @param scenes     where it applies (适用场景)
 * @param stages     when it applies (审核环节): before / during (the pre-check, 3101/3102) / after (the smart audit)
 * @param severity   明确违规 (the pre-check refuses) or 可疑 (warns; the audit flags for review)
 * @param enabled    false keeps the entry for backtesting only
 * @param basis      the rule's source: the national framework, a seed, or ASSUMPTION
 * @param exemptions cases exempt from it
 * @param parameters the type's parameters record
 */
public record RuleEntry(String id, String name, AuditRule kind, RuleType<Object> type, Set<Scene> scenes, Set<Stage> stages,
                        Severity severity, boolean enabled, String basis, Set<Exemption> exemptions, Object parameters) {

    public RuleEntry {
        scenes = Set.copyOf(scenes);
        stages = Set.copyOf(stages);
        exemptions = Set.copyOf(exemptions);
    }

    public List<Hit> check(RuleInput input) {
        return type.check(input, parameters);
    }

    public boolean concernsSelfPay() {
        return type.concernsSelfPay();
    }

    public int historyDays() {
        return type.historyDays(parameters);
    }
}
