package org.yibao.enrollment.enrollment;

import org.yibao.web.problem.RequestParameters;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Enrollments, behind the gateway at {@code /api/enrollment}. */
@RestController
@RequestMapping("/api/enrollment")
class EnrollmentController {

    private final EnrollmentService enrollments;

    EnrollmentController(EnrollmentService enrollments) {
        this.enrollments = enrollments;
    }

    /** Enrolls (参保登记): 201; 409 when the person already holds a basic scheme for the year. */
    @PostMapping("/enrollments")
    @ResponseStatus(HttpStatus.CREATED)
    Enrollment enroll(@Valid @RequestBody EnrollRequest request) {
        return enrollments.enroll(request, "API");
    }

    /**
     * Changes an enrollment's facts from {@code effectiveFrom} on (retirement, tier, suspension, end);
     * what was true before stays true. Announces EnrollmentChanged per period changed.
     */
    @PostMapping("/persons/{personId}/enrollments/{year}/changes")
    Enrollment change(@PathVariable String personId, @PathVariable int year, @Valid @RequestBody ChangeRequest request) {
        return enrollments.change(RequestParameters.person(personId), RequestParameters.year(year), request);
    }

    /** The enrollment's facts over time: its periods, each true from its first day until the next. */
    @GetMapping("/persons/{personId}/enrollments/{year}/periods")
    List<EnrollmentPeriod> periods(@PathVariable String personId, @PathVariable int year) {
        return enrollments.periods(RequestParameters.person(personId), RequestParameters.year(year));
    }

    @GetMapping("/persons/{personId}/enrollments")
    List<Enrollment> ofPerson(@PathVariable String personId) {
        return enrollments.ofPerson(RequestParameters.person(personId));
    }
}
