package org.yibao.supervision.casework;

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

import java.util.Optional;
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

    /**
     * Cases, the oldest open first (then the closed ones), in one status when given; {@code limit} 1-200,
     * {@code offset} from 0.
     */
    @GetMapping("/cases")
    CasePages.CasePage cases(@RequestParam Optional<CaseStatus> status, @RequestParam(defaultValue = "50") int limit,
                             @RequestParam(defaultValue = "0") int offset) {
        page(limit, offset);
        return cases.cases(status, limit, offset);
    }

    /**
     * Clues, the oldest received first, each with the case that uses it; {@code open=true}: those no case
     * uses yet or whose case is not closed, {@code open=false}: the others; {@code limit} 1-200, {@code offset} from 0.
     */
    @GetMapping("/clues")
    CasePages.CluePage clues(@Parameter(schema = @Schema(type = "boolean")) @RequestParam(required = false) String open,
                             @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (open != null && !open.equals("true") && !open.equals("false")) {
            throw new InvalidRequestException("open", "must be true or false");
        }
        page(limit, offset);
        return cases.clues(Optional.ofNullable(open).map(Boolean::valueOf), limit, offset);
    }

    private static void page(int limit, int offset) {
        if (limit < 1 || limit > 200) {
            throw new InvalidRequestException("limit", "must be between 1 and 200");
        }
        if (offset < 0) {
            throw new InvalidRequestException("offset", "must not be negative");
        }
    }
}
