package org.yibao.supervision.inspection;

import org.yibao.web.problem.RequestParameters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.yibao.security.CallerIdentity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.web.problem.InvalidRequestException;

import java.time.LocalDate;
import java.util.List;

/** Inspection plans and the supervision report, behind the gateway at {@code /api/supervision}. */
@RestController
@RequestMapping("/api/supervision")
class InspectionController {

    private final InspectionService inspections;

    InspectionController(InspectionService inspections) {
        this.inspections = inspections;
    }

    /**
     * @param inspectors the staff ids of the inspectors drawn in pairs (at most 200, each at most 100 characters)
     * @param seed       the draw's seed; published with the plan so the draw can be redone
     */
    record PlanRequest(@NotEmpty @Size(max = 200) List<@NotBlank @Size(max = 100) String> inspectors, @NotNull Long seed) {
    }

    /** @param finding CLEAN or VIOLATION */
    record ResultRequest(@NotNull LocalDate inspectedOn,
                         @NotBlank @Pattern(regexp = "CLEAN|VIOLATION", message = "must be CLEAN or VIOLATION") String finding,
                         @Size(max = 2000) String note) {
    }

    record ResultRecorded(int year, String institution, String finding) {
    }

    @PostMapping("/inspection-plans/{year}")
    @ResponseStatus(HttpStatus.CREATED)
    InspectionService.PlanDrawn plan(@PathVariable int year, @Valid @RequestBody PlanRequest request, CallerIdentity caller) {
        return inspections.plan(year(year), request.inspectors(), request.seed(), caller.clientId());
    }

    @GetMapping("/inspection-plans/{year}")
    List<Inspection> inspections(@PathVariable int year) {
        return inspections.inspections(year(year));
    }

    @PostMapping("/inspection-plans/{year}/institutions/{code}/result")
    ResultRecorded result(@PathVariable int year, @PathVariable String code, @Valid @RequestBody ResultRequest request,
                          CallerIdentity caller) {
        inspections.record(year(year), code, request.inspectedOn(), request.finding(), request.note(), caller.clientId());
        return new ResultRecorded(year, code, request.finding());
    }

    @GetMapping("/reports/{year}")
    SupervisionReport report(@PathVariable int year) {
        return inspections.report(year(year));
    }

    private static int year(int year) {
        return RequestParameters.year(year);
    }
}
