package org.yibao.enrollment.certification;

import org.yibao.web.problem.RequestParameters;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.InvalidRequestException;

import java.util.List;
import java.util.UUID;

/** Chronic/special-disease certifications, behind the gateway at {@code /api/enrollment}. */
@RestController
@RequestMapping("/api/enrollment")
class CertificationController {

    private final CertificationService certifications;

    CertificationController(CertificationService certifications) {
        this.certifications = certifications;
    }

    @PostMapping("/persons/{personId}/certifications")
    @ResponseStatus(HttpStatus.CREATED)
    Certification apply(@PathVariable String personId, @Valid @RequestBody CertificationRequests.Apply request,
                        CallerIdentity caller) {
        return certifications.apply(RequestParameters.person(personId), request, caller);
    }

    @GetMapping("/persons/{personId}/certifications")
    List<Certification> ofPerson(@PathVariable String personId) {
        return certifications.ofPerson(RequestParameters.person(personId));
    }

    @PostMapping("/certifications/{id}/decision")
    Certification decide(@PathVariable UUID id, @Valid @RequestBody CertificationRequests.Decide request,
                         CallerIdentity caller) {
        return certifications.decide(id, request, caller);
    }

    @PostMapping("/certifications/{id}/revocation")
    Certification revoke(@PathVariable UUID id, @Valid @RequestBody CertificationRequests.Revoke request,
                         CallerIdentity caller) {
        return certifications.revoke(id, request, caller);
    }

    /** Applications past their ten-working-day deadline. */
    @GetMapping("/certifications/overdue")
    List<Certification> overdue() {
        return certifications.overdue();
    }

    /**
     * The decision queue: pending applications, overdue first then by deadline, each with its working days
     * left (negative when overdue) counted by the server's calendar; {@code limit} 1-200, {@code offset} from 0.
     * Only {@code PENDING} applications wait for a decision.
     */
    @GetMapping("/certifications")
    CertificationQueue queue(@Parameter(schema = @Schema(allowableValues = "PENDING", defaultValue = "PENDING"))
                             @RequestParam(defaultValue = "PENDING") String status,
                             @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (!status.equals(CertificationState.PENDING.name())) {
            throw new InvalidRequestException("status", "must be PENDING: only pending applications wait for a decision");
        }
        if (limit < 1 || limit > 200) {
            throw new InvalidRequestException("limit", "must be between 1 and 200");
        }
        if (offset < 0) {
            throw new InvalidRequestException("offset", "must not be negative");
        }
        return certifications.queue(CertificationState.PENDING, limit, offset);
    }
}
