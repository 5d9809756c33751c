package org.yibao.supervision.casework;

import org.yibao.security.CallerIdentity;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/** Clues and cases, behind the gateway at {@code /api/supervision}. */
@RestController
@RequestMapping("/api/supervision")
class CaseController {

    private final CaseService cases;

    CaseController(CaseService cases) {
        this.cases = cases;
    }

    @PostMapping("/clues")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> clue(@Valid @RequestBody CaseRequests.Clue request) {
        return Map.of("clueId", cases.receiveClue(request));
    }

    @PostMapping("/cases")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> open(CallerIdentity caller,
                             @Valid @RequestBody CaseRequests.Open request) {
        return cases.open(Staff.of(caller), request);
    }

    @PostMapping("/cases/{id}/findings")
    Map<String, Object> findings(@PathVariable UUID id, CallerIdentity caller,
                                 @Valid @RequestBody CaseRequests.Findings request) {
        return cases.submitFindings(id, Staff.of(caller), request);
    }

    @PostMapping("/cases/{id}/decision")
    Map<String, Object> decide(@PathVariable UUID id, CallerIdentity caller,
                               @Valid @RequestBody CaseRequests.Decision request) {
        return cases.decide(id, Staff.of(caller), request);
    }

    @PostMapping("/cases/{id}/review")
    Map<String, Object> review(@PathVariable UUID id, CallerIdentity caller,
                               @Valid @RequestBody CaseRequests.Review request) {
        return cases.review(id, Staff.of(caller), request);
    }

    @GetMapping("/cases/{id}")
    Map<String, Object> get(@PathVariable UUID id) {
        return cases.get(id);
    }
}
