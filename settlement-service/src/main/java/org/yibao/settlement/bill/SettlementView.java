package org.yibao.settlement.bill;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
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
        @JsonUnwrapped ClaimFacts facts) {
}
