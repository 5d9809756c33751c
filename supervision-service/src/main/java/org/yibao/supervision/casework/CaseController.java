package org.yibao.supervision.casework;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.security.CallerIdentity;

import java.util.UUID;

/** Clues and cases, behind the gateway at {@code /api/supervision}. */
@RestController
@RequestMapping("/api/supervision")
class CaseController {

    record ClueReceived(UUID clueId) {
    }

    private final CaseService cases;

    CaseController(CaseService cases) {
        this.cases = cases;
    }

    @PostMapping("/clues")
    @ResponseStatus(HttpStatus.CREATED)
    ClueReceived clue(@Valid @RequestBody CaseRequests.Clue request) {
        return new ClueReceived(cases.receiveClue(request));
    }

    @PostMapping("/cases")
    @ResponseStatus(HttpStatus.CREATED)
    CaseService.CaseFile open(CallerIdentity caller,
                              @Valid @RequestBody CaseRequests.Open request) {
        return cases.open(Staff.of(caller), request);
    }

    @PostMapping("/cases/{id}/findings")
    CaseService.CaseFile findings(@PathVariable UUID id, CallerIdentity caller,
                                  @Valid @RequestBody CaseRequests.Findings request) {
        return cases.submitFindings(id, Staff.of(caller), request);
    }

    @PostMapping("/cases/{id}/decision")
    CaseService.CaseFile decide(@PathVariable UUID id, CallerIdentity caller,
                                @Valid @RequestBody CaseRequests.Decision request) {
        return cases.decide(id, Staff.of(caller), request);
    }

    @PostMapping("/cases/{id}/review")
    CaseService.CaseFile review(@PathVariable UUID id, CallerIdentity caller,
                                @Valid @RequestBody CaseRequests.Review request) {
        return cases.review(id, Staff.of(caller), request);
    }

    @GetMapping("/cases/{id}")
    CaseService.CaseFile get(@PathVariable UUID id) {
        return cases.get(id);
    }
}
