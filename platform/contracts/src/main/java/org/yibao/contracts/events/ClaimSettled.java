package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A bill was settled one-stop: the person's share and every fund's share are final.
 *
 * @param assistanceLimit the annual assistance limit the pack applied and what remained of it after
 *                        this bill; null when the person had no assistance category on the service date
 *                        or the pack pays no medical assistance
 */
@EventType(name = "ClaimSettled", version = 1, topic = Topics.CLAIMS)
public record ClaimSettled(
        String settlementId,
        String personId,
        String institutionCode,
        String regionCode,
        Scheme scheme,
        VisitType visitType,
        int year,
        LocalDate serviceDate,
        List<String> diagnosisCodes,
        Instant settledAt,
        String policyPack,
        SettlementAmounts amounts,
        AssistanceLimit assistanceLimit,
        List<ClaimLine> lines) implements IntegrationEvent {

    public ClaimSettled {
        lines = lines == null ? List.of() : List.copyOf(lines);
        diagnosisCodes = diagnosisCodes == null ? List.of() : List.copyOf(diagnosisCodes);
    }

    @Override
    public String partitionKey() {
        return personId;
    }
}
