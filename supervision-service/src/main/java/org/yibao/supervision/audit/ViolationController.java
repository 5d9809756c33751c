package org.yibao.supervision.audit;

import org.yibao.web.problem.RequestParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.web.problem.InvalidRequestException;

import java.util.List;
import java.util.UUID;

/**
 * The smart audit's findings (疑点) on claims served in a year, page by page, for the auditors who
 * turn them into clues and for the bureau's statistics. Person ids are masked.
 */
@RestController
@RequestMapping("/api/supervision")
class ViolationController {

    static final int MAX_PAGE = 5_000;

    /** @param next the {@code after} of the following page; null on the last one */
    record Page(List<Violation> violations, UUID next) {
    }

    private final SmartAuditService audit;

    ViolationController(SmartAuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/violations")
    Page violations(@RequestParam int year, @RequestParam(required = false) UUID after,
                    @RequestParam(defaultValue = "1000") int limit) {
        RequestParameters.year(year);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_PAGE);
        }
        List<Violation> page = audit.violations(year, after, limit);
        return new Page(page, page.size() == limit ? page.get(page.size() - 1).id() : null);
    }
}
