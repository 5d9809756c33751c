package org.yibao.care.benefit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.RequestParameters;

import java.time.LocalDate;

/** Beneficiaries (享受待遇人员), behind the gateway at {@code /api/care}. */
@RestController
@RequestMapping("/api/care")
class BenefitController {

    private final BenefitService benefits;

    BenefitController(BenefitService benefits) {
        this.benefits = benefits;
    }

    /**
     * Ends a benefit early.
     *
     * @param endsOn the last day the benefit covers (the day of death)
     * @param reason why (死亡, 迁出...)
     */
    record Terminate(@NotNull LocalDate endsOn, @NotBlank @Size(max = 150) String reason) {
    }

    /** The person's latest benefit: its validity, setting, institution and level from each date. */
    @GetMapping("/persons/{personId}/benefit")
    Benefit benefit(@PathVariable String personId) {
        return benefits.latestOf(RequestParameters.person(personId));
    }

    @PostMapping("/persons/{personId}/benefit/termination")
    Benefit terminate(@PathVariable String personId, @Valid @RequestBody Terminate r, CallerIdentity caller) {
        return benefits.terminate(RequestParameters.person(personId), r.endsOn(), r.reason(), caller);
    }
}
