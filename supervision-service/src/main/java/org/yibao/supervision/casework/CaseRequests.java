package org.yibao.supervision.casework;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.DecimalMax;
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

    record Clue(@NotNull ClueSource source, @NotBlank @Size(max = 30) String institutionCode,
                @NotBlank @Size(max = 2000) String description,
                UUID violationId) {
    }

    record Open(@NotEmpty @Size(max = 1000) List<@NotNull UUID> clueIds) {
    }

    /** @param settlementIds the settled bills the findings concern (at most 50; they are kept with the case, 2,000 characters in all) */
    record Findings(@NotBlank @Size(max = 4000) String findings,
                    @Size(max = 50) List<@NotBlank @Size(max = 36) String> settlementIds) {
    }

    /** @param recoveryAmount yuan to recover from the institution (FUND_RECOVERY), at most 999,999,999,999.99 */
    record Decision(@NotNull Outcome outcome,
                    @DecimalMin("0.01") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2) BigDecimal recoveryAmount,
                    @NotBlank @Size(max = 2000) String reason) {
    }

    record Review(@NotNull Boolean approved, @NotBlank @Size(max = 2000) String comment) {
    }
}
