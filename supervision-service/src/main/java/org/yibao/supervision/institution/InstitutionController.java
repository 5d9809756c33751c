package org.yibao.supervision.institution;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.yibao.security.CallerIdentity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.web.problem.InvalidRequestException;

import java.util.List;
import java.util.Optional;

/** Designated institutions, behind the gateway at {@code /api/supervision/institutions}. */
@RestController
@RequestMapping("/api/supervision/institutions")
class InstitutionController {

    private final InstitutionService institutions;

    InstitutionController(InstitutionService institutions) {
        this.institutions = institutions;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Institution register(@Valid @RequestBody InstitutionRequests.Register request, CallerIdentity caller) {
        return institutions.register(request, caller.clientId());
    }

    /** Suspends, reinstates or terminates the agreement; announced to settlement at once. */
    @PostMapping("/{code}/agreement")
    Institution changeAgreement(@PathVariable String code, @Valid @RequestBody InstitutionRequests.ChangeAgreement request,
                                CallerIdentity caller) {
        return institutions.changeAgreement(code, request, caller.clientId());
    }

    /** An institution and its agreement history; a hospital or pharmacy reads only its own (1201 of the national interface). */
    @GetMapping("/{code}")
    InstitutionService.InstitutionWithHistory get(@PathVariable String code, CallerIdentity caller) {
        caller.requireOwnInstitution(code, "code");
        return institutions.withHistory(code);
    }

    @GetMapping
    List<Institution> inRegion(@RequestParam String region, @RequestParam Optional<AgreementStatus> status) {
        if (!region.matches("[1-9][0-9]{5}")) {
            throw new InvalidRequestException("region", "must be a 6-digit administrative division code");
        }
        String prefix = region.endsWith("0000") ? region.substring(0, 2) : region.endsWith("00") ? region.substring(0, 4) : region;
        return institutions.inRegion(prefix + "%", status);
    }
}
