package org.yibao.assistance.identity;

import org.yibao.web.problem.RequestParameters;
import jakarta.validation.constraints.Pattern;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.InvalidRequestException;

import java.io.IOException;
import java.time.LocalDate;

/** Identity feeds and merged identities, behind the gateway at {@code /api/assistance}. */
@RestController
@RequestMapping("/api/assistance")
class IdentityController {

    private final FeedService feeds;

    IdentityController(FeedService feeds) {
        this.feeds = feeds;
    }

    /** One record pushed by a department's system. */
    record PushRequest(@NotBlank @Size(max = 40) String source, @NotBlank @Size(max = 64) String sourceRecordId,
                       @NotNull ResidentId personId, @NotBlank @Size(max = 40) String category, @NotNull LocalDate validFrom,
                       LocalDate validTo,
                       @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit administrative division code") String regionCode) {
    }

    /** A bulk feed: CSV (source,sourceRecordId,personId,category,validFrom,validTo[,regionCode]) or JSON lines. */
    @PostMapping(path = "/identity-feeds", consumes = {"text/csv", "application/x-ndjson", "application/jsonl"})
    FeedReport feed(HttpServletRequest request, CallerIdentity caller) throws IOException {
        FeedService.Format format = request.getContentType().startsWith("text/csv") ? FeedService.Format.CSV
                : FeedService.Format.JSONL;
        return feeds.ingest(request.getInputStream(), format, caller.department(), request.getContentType());
    }

    @PostMapping(path = "/identity-records", consumes = "application/json")
    FeedReport push(@Valid @RequestBody PushRequest r, CallerIdentity caller) {
        caller.requireOwnDepartment(r.source(), "source");
        FeedParser.Parsed parsed = feeds.parser().row(1, r.source(), r.sourceRecordId(), r.personId().value(), r.category(),
                r.validFrom().toString(), r.validTo() == null ? "" : r.validTo().toString(),
                r.regionCode() == null ? "" : r.regionCode());
        if (parsed.error() != null) {
            throw new InvalidRequestException(parsed.error().field(), parsed.error().reason());
        }
        return feeds.push(parsed.row());
    }

    /**
     * A person's merged identity and, for the bureau's staff, the history of what each department said
     * (their record ids and dates). A hospital or pharmacy, which needs the category to settle a bill,
     * gets the current identity only.
     */
    @GetMapping("/persons/{personId}/identity")
    IdentityView identity(@PathVariable String personId, CallerIdentity caller) {
        return feeds.identity(RequestParameters.person(personId), caller.actsForInstitution());
    }
}
