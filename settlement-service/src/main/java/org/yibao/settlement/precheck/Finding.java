package org.yibao.settlement.precheck;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.yibao.contracts.events.Severity;
import org.yibao.contracts.money.Money;

/**
 * One finding of supervision's real-time pre-check: which entry of its rule library (规则库) the bill
 * breaks, how surely, and the amount in violation (违规金额, the national vola_amt).
 *
 * @param ruleId   the rule library entry's id (e.g. SB-01)
 * @param rule     the kind of violation, an {@code AuditRule} constant's name (e.g. SPLIT_BILLING); kept as
 *                 text so that a kind supervision knows and this service's contracts do not yet know still
 *                 reaches the caller (constants are only ever added)
 * @param ruleName the entry's name in Chinese, as the bureau names it
 * @param severity VIOLATION (明确违规) or SUSPECT (可疑)
 * @param amount   yuan in violation; null when supervision states none
 * @param evidence what the rule saw, in a sentence
 * @param line     the request's line the finding is about, 1-based; null for the whole bill
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Finding(String ruleId, String rule, String ruleName, Severity severity, Money amount, String evidence, Integer line) {
}
