package org.yibao.assistance.tracking;

import org.yibao.web.problem.RequestParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.contracts.region.Regions;

import java.util.List;

/** Assistance tracking and its reports, behind the gateway at {@code /api/assistance}. */
@RestController
@RequestMapping("/api/assistance")
class AssistanceController {

    private final AssistanceReports reports;

    AssistanceController(AssistanceReports reports) {
        this.reports = reports;
    }

    /** A person's assistance received in a year and what remains of the annual limit settlement applied. */
    @GetMapping("/persons/{personId}/assistance")
    AssistanceReports.PersonYear personYear(@PathVariable String personId, @RequestParam int year) {
        return reports.personYear(RequestParameters.person(personId), RequestParameters.year(year));
    }

    /**
     * By assistance category (and NONE for others): assisted person-times and amounts, and the
     * policy-scope and overall reimbursement ratios (all funds paid over policy scope, and over the
     * total), as the Hohhot seed reports them. Reversed claims are left out.
     */
    @GetMapping("/reports")
    List<AssistanceReports.CategoryReport> reports(@RequestParam int year, @RequestParam(required = false) String region) {
        String pattern = region == null ? "%" : Regions.likePattern(RequestParameters.region(region));
        return reports.reports(RequestParameters.year(year), pattern);
    }

    /**
     * Candidates for tilted assistance (倾斜救助): low-income people who have used their whole annual
     * limit and still pay out of pocket. Ids masked.
     */
    @GetMapping("/tilted-cases")
    List<AssistanceReports.TiltedCase> tiltedCases(@RequestParam int year) {
        return reports.tiltedCases(RequestParameters.year(year));
    }
}
