package org.yibao.supervision.casework;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The bodies of the clue and case API. */
final class CaseRequests {

    private CaseRequests() {
    }

    enum ClueSource { TOWNSHIP, VILLAGE, PUBLIC, RULE }

    enum Outcome { WARNING, FUND_RECOVERY, SUSPENSION, TERMINATION, JUDICIAL_REFERRAL }

    record Clue(@NotNull ClueSource source, @NotBlank String institutionCode, @NotBlank @Size(max = 2000) String description,
                UUID violationId) {
    }

    record Open(@NotEmpty List<@NotNull UUID> clueIds) {
    }

    record Findings(@NotBlank @Size(max = 4000) String findings, List<@NotBlank String> settlementIds) {
    }

    record Decision(@NotNull Outcome outcome, @DecimalMin("0.01") BigDecimal recoveryAmount,
                    @NotBlank @Size(max = 2000) String reason) {
    }

    record Review(@NotNull Boolean approved, @NotBlank @Size(max = 2000) String comment) {
    }
}
