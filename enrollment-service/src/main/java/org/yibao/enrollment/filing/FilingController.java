package org.yibao.enrollment.filing;

import org.yibao.web.problem.RequestParameters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.security.CallerIdentity;

import java.util.List;
import java.util.UUID;

/** Remote-treatment filings, behind the gateway at {@code /api/enrollment}. */
@RestController
@RequestMapping("/api/enrollment")
class FilingController {

    private final FilingService filings;

    FilingController(FilingService filings) {
        this.filings = filings;
    }

    record CancelRequest(@NotBlank @Size(max = 200) String reason) {
    }

    @PostMapping("/persons/{personId}/filings")
    @ResponseStatus(HttpStatus.CREATED)
    Filing register(@PathVariable String personId, @Valid @RequestBody FilingRequest request, CallerIdentity caller) {
        return filings.register(RequestParameters.person(personId), request, caller);
    }

    @GetMapping("/persons/{personId}/filings")
    List<Filing> ofPerson(@PathVariable String personId) {
        return filings.ofPerson(RequestParameters.person(personId));
    }

    @PostMapping("/filings/{filingId}/cancellation")
    Filing cancel(@PathVariable UUID filingId, @Valid @RequestBody CancelRequest request, CallerIdentity caller) {
        return filings.cancel(filingId, request.reason(), caller);
    }
}
