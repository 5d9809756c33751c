package org.yibao.enrollment.contribution;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.RequestParameters;

import java.util.List;

/** Contributions, behind the gateway at {@code /api/enrollment}. */
@RestController
@RequestMapping("/api/enrollment")
class ContributionController {

    private final ContributionService contributions;

    ContributionController(ContributionService contributions) {
        this.contributions = contributions;
    }

    /** Posts a month's contributions ({@code yyyy-MM}); posting it again changes nothing. */
    @PostMapping("/contributions/{month}/postings")
    ContributionService.PostingResult post(@PathVariable String month, CallerIdentity caller) {
        return contributions.post(RequestParameters.month(month), caller);
    }

    /** A person's posted months. */
    @GetMapping("/persons/{personId}/contributions")
    List<ContributionPosting> ofPerson(@PathVariable String personId) {
        return contributions.ofPerson(RequestParameters.person(personId));
    }

}
