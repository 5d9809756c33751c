package org.yibao.supervision.casework;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.yibao.web.problem.ConflictException;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A case (案件) on one institution, with the JSON names and formats its answer has always had:
 * snake_case, and times as JDBC gave them ({@link Date}: UTC to the millisecond).
 *
 * @param settlementIds  the settled bills the findings concern, comma-separated ("" for none)
 * @param outcome        the decision, until it is reviewed or returned
 * @param recoveryAmount yuan to recover (FUND_RECOVERY only)
 */
record Case(@JsonProperty("case_id") UUID caseId, String institution, CaseStatus status, String investigator,
            String findings, @JsonProperty("settlement_ids") String settlementIds, String decider,
            CaseRequests.Outcome outcome, @JsonProperty("recovery_amount") BigDecimal recoveryAmount, String reviewer,
            @JsonProperty("opened_at") Date openedAt, @JsonProperty("closed_at") Date closedAt) {

    /** The status {@code step} leaves this case in; refuses (409) a step the case is not at. */
    CaseStatus take(CaseStep step) {
        if (status != step.from()) {
            throw new ConflictException("case " + caseId + " is " + status + ", not " + step.from());
        }
        return step.to();
    }

    /** The settled bills the findings concern. */
    List<String> settlementIdList() {
        return settlementIds == null || settlementIds.isEmpty() ? List.of() : Arrays.asList(settlementIds.split(","));
    }
}
