package org.yibao.settlement.bill;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.settlement.account.AccountPayment;
import org.yibao.settlement.adjudication.CalculationStep;
import org.yibao.settlement.adjudication.TreatmentPlace;
import org.yibao.settlement.precheck.Verdict;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The one-stop bill (一站式结算单): every layer, every line with its class and self-pay, the items the
 * catalog did not know (self-paid), and the policy pack and version that decided it.
 *
 * @param status   PRE_SETTLEMENT (computed, nothing changed), SETTLED or REVERSED
 * @param place    in the paying region, or outside it with or without a remote-treatment filing
 * @param preCheck supervision's real-time verdict (UNCHECKED: settled and flagged for later audit), with its
 *                 findings (rule, severity, amount in violation)
 * @param facts    the bill's facts for the audit (person type, emergency, stay, procedures, doctor and
 *                 department), shown as members of the bill itself
 * @param account  what a personal account paid (个人账户支付) and whose, with its balance right after the bill (balc);
 *                 the reversal's own answer carries the balance after the restoration; null when no account took
 *                 part (issue 22)
 * @param trace    a pre-settlement's calculation trace (计算过程), a step per layer (issue 25); absent from a settled
 *                 bill, whose trace is read at {@code GET /settlements/{id}/trace}
 */
public record SettlementView(
        UUID id,
        SettlementStatus status,
        String messageId,
        String personId,
        String institutionCode,
        String regionCode,
        Scheme scheme,
        VisitType visitType,
        TreatmentPlace place,
        LocalDate serviceDate,
        List<String> diagnosisCodes,
        String policyPack,
        SettlementAmounts amounts,
        List<LineView> lines,
        List<String> uncataloguedItems,
        Verdict preCheck,
        Instant settledAt,
        UUID reversalId,
        Instant reversedAt,
        String reversalReason,
        @JsonUnwrapped ClaimFacts facts,
        AccountPayment account,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CalculationStep> trace) {

    /** A bill before its account part is known. */
    public SettlementView(UUID id, SettlementStatus status, String messageId, String personId, String institutionCode,
                          String regionCode, Scheme scheme, VisitType visitType, TreatmentPlace place, LocalDate serviceDate,
                          List<String> diagnosisCodes, String policyPack, SettlementAmounts amounts, List<LineView> lines,
                          List<String> uncataloguedItems, Verdict preCheck, Instant settledAt, UUID reversalId,
                          Instant reversedAt, String reversalReason, ClaimFacts facts) {
        this(id, status, messageId, personId, institutionCode, regionCode, scheme, visitType, place, serviceDate, diagnosisCodes,
                policyPack, amounts, lines, uncataloguedItems, preCheck, settledAt, reversalId, reversedAt, reversalReason, facts,
                null, null);
    }

    /** The same bill with its account part. */
    public SettlementView withAccount(AccountPayment account) {
        return new SettlementView(id, status, messageId, personId, institutionCode, regionCode, scheme, visitType, place,
                serviceDate, diagnosisCodes, policyPack, amounts, lines, uncataloguedItems, preCheck, settledAt, reversalId,
                reversedAt, reversalReason, facts, account, trace);
    }

    /** The same bill with its calculation trace (a pre-settlement's answer). */
    public SettlementView withTrace(List<CalculationStep> steps) {
        return new SettlementView(id, status, messageId, personId, institutionCode, regionCode, scheme, visitType, place,
                serviceDate, diagnosisCodes, policyPack, amounts, lines, uncataloguedItems, preCheck, settledAt, reversalId,
                reversedAt, reversalReason, facts, account, steps);
    }
}
