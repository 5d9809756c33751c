package org.yibao.care.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.care.institution.InstitutionCodes;
import org.yibao.contracts.events.CareSetting;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.RequestParameters;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Applications for long-term care, their disability assessments and decisions, behind the gateway at {@code /api/care}. */
@RestController
@RequestMapping("/api/care")
class ApplicationController {

    private final ApplicationService applications;

    ApplicationController(ApplicationService applications) {
        this.applications = applications;
    }

    /**
     * An application (申请).
     *
     * @param setting         HOME (居家护理) or INSTITUTION (机构护理)
     * @param institutionCode the care institution chosen, for INSTITUTION care only
     * @param appliedOn       the day the application was received; today when not given
     */
    record Apply(@NotNull ResidentId personId, @NotNull CareSetting setting,
                 @Pattern(regexp = InstitutionCodes.PATTERN, message = InstitutionCodes.MESSAGE) String institutionCode,
                 LocalDate appliedOn) {
    }

    /** A reassessment (复评) of a beneficiary; received today when {@code appliedOn} is not given. */
    record Reassess(LocalDate appliedOn) {
    }

    /**
     * A disability assessment (失能评估); the assessor is the caller (the token), never the body.
     *
     * @param scale      the scale used; must be the region's (BARTHEL)
     * @param scores     each item's score (FEEDING: 5, ...), every item of the scale once
     * @param assessedOn the day of the assessment; today when not given
     */
    record Assess(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}", message = "must be a scale's name such as BARTHEL") String scale,
                  @NotEmpty @Size(max = 40) Map<@NotBlank @Size(max = 40) String, @NotNull @Min(0) @Max(1000) Integer> scores,
                  LocalDate assessedOn) {
    }

    /** The decision; the decider is the caller (the token), who must not be the assessor. */
    record Decide(@NotNull Boolean approved, @Size(max = 500) String reason) {
    }

    @PostMapping("/applications")
    @ResponseStatus(HttpStatus.CREATED)
    Application apply(@Valid @RequestBody Apply r, CallerIdentity caller) {
        return applications.apply(r.personId().value(), r.setting(), r.institutionCode(), r.appliedOn(), caller);
    }

    @GetMapping("/applications/{id}")
    Application get(@PathVariable UUID id) {
        return applications.get(id);
    }

    @PostMapping("/applications/{id}/assessment")
    Application assess(@PathVariable UUID id, @Valid @RequestBody Assess r, CallerIdentity caller) {
        return applications.assess(id, r.scale(), r.scores(), r.assessedOn(), caller);
    }

    @PostMapping("/applications/{id}/decision")
    Application decide(@PathVariable UUID id, @Valid @RequestBody Decide r, CallerIdentity caller) {
        return applications.decide(id, r.approved(), r.reason(), caller);
    }

    @PostMapping("/persons/{personId}/reassessments")
    @ResponseStatus(HttpStatus.CREATED)
    Application reassess(@PathVariable String personId, @Valid @RequestBody Reassess r, CallerIdentity caller) {
        return applications.reassess(RequestParameters.person(personId), r.appliedOn(), caller);
    }
}
