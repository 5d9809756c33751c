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

/**
 * Designated institutions, behind the gateway at {@code /api/supervision/institutions}, and the staff's
 * institution search at {@code /api/supervision/institution-search} (not under {@code /institutions}: the access
 * policy reads {@code /institutions/search} as an institution's code).
 */
@RestController
@RequestMapping("/api/supervision")
class InstitutionController {

    private final InstitutionService institutions;

    InstitutionController(InstitutionService institutions) {
        this.institutions = institutions;
    }

    @PostMapping("/institutions")
    @ResponseStatus(HttpStatus.CREATED)
    Institution register(@Valid @RequestBody InstitutionRequests.Register request, CallerIdentity caller) {
        return institutions.register(request, caller.clientId());
    }

    /** Suspends, reinstates or terminates the agreement; announced to settlement at once. */
    @PostMapping("/institutions/{code}/agreement")
    Institution changeAgreement(@PathVariable String code, @Valid @RequestBody InstitutionRequests.ChangeAgreement request,
                                CallerIdentity caller) {
        return institutions.changeAgreement(code, request, caller.clientId());
    }

    /** An institution and its agreement history; a hospital or pharmacy reads only its own (1201 of the national interface). */
    @GetMapping("/institutions/{code}")
    InstitutionService.InstitutionWithHistory get(@PathVariable String code, CallerIdentity caller) {
        caller.requireOwnInstitution(code, "code");
        return institutions.withHistory(code);
    }

    @GetMapping("/institutions")
    List<Institution> inRegion(@RequestParam String region, @RequestParam Optional<AgreementStatus> status) {
        if (!region.matches("[1-9][0-9]{5}")) {
            throw new InvalidRequestException("region", "must be a 6-digit administrative division code");
        }
        String prefix = region.endsWith("0000") ? region.substring(0, 2) : region.endsWith("00") ? region.substring(0, 4) : region;
        return institutions.inRegion(prefix + "%", status);
    }

    /**
     * Institutions whose name holds {@code q} or whose code begins with it, in any region or one (a city or
     * province code covers its districts), in one agreement status when given, by code; {@code limit} 1-200,
     * {@code offset} from 0.
     */
    @GetMapping("/institution-search")
    InstitutionPage search(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                           @RequestParam Optional<AgreementStatus> status, @RequestParam(defaultValue = "50") int limit,
                           @RequestParam(defaultValue = "0") int offset) {
        Optional<String> text = Optional.ofNullable(q).map(String::strip).filter(t -> !t.isEmpty());
        if (text.isPresent() && (text.get().length() > 50 || !SEARCH_TEXT.matcher(text.get()).matches())) {
            throw new InvalidRequestException("q", "must be at most 50 letters, digits, blanks or the marks ·.-()（）");
        }
        Optional<String> regionPattern = Optional.ofNullable(region).filter(r -> !r.isBlank()).map(r -> {
            if (!r.matches("[1-9][0-9]{5}")) {
                throw new InvalidRequestException("region", "must be a 6-digit administrative division code");
            }
            return (r.endsWith("0000") ? r.substring(0, 2) : r.endsWith("00") ? r.substring(0, 4) : r) + "%";
        });
        if (limit < 1 || limit > 200) {
            throw new InvalidRequestException("limit", "must be between 1 and 200");
        }
        if (offset < 0) {
            throw new InvalidRequestException("offset", "must not be negative");
        }
        return institutions.search(text, regionPattern, status, limit, offset);
    }

    // letters of any script, digits, blanks and the marks of institution names; no LIKE wildcard, no quote
    private static final java.util.regex.Pattern SEARCH_TEXT = java.util.regex.Pattern.compile("[\\p{L}\\p{M}\\p{N} ·.\\-()（）]+");
}
