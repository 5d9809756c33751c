package org.yibao.settlement.mapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.InvalidRequestException;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An institution's item mappings (目录对照), behind the gateway at
 * {@code /api/settlement/institutions/{institutionCode}/item-mappings}: the institution submits, lists,
 * revokes and checks its own; the bureau (MANAGER) reviews them and may submit a file for it.
 */
@RestController
@RequestMapping("/api/settlement/institutions/{institutionCode}/item-mappings")
class MappingController {

    /**
     * An institution's own code as HIS item codes are written: letters (Chinese and full-width included),
     * digits, . _ - / # ( ) and single spaces between them; no quotes, semicolons or control characters.
     */
    static final String OWN_CODE = "[\\p{L}\\p{N}._\\-/#()（）]+( [\\p{L}\\p{N}._\\-/#()（）]+)*";
    static final String OWN_CODE_RULE = "may contain letters, digits, . _ - / # ( ) and single spaces between them only";

    private final ItemMappings mappings;

    MappingController(ItemMappings mappings) {
        this.mappings = mappings;
    }

    /** Mappings to submit: the institution's own code and name, the national code, from a date (3301). */
    record SubmitRequest(@NotEmpty @Size(max = 1000) List<@Valid @NotNull Item> items) {
    }

    /**
     * @param listType  the national list type (101, 102, 201, 301 ...), optional
     * @param validTo   the last day, optional (open-ended)
     */
    record Item(@NotBlank @Size(max = 150) @Pattern(regexp = OWN_CODE, message = OWN_CODE_RULE) String ownCode, @NotBlank @Size(max = 200) String ownName,
                @Pattern(regexp = "[1-9][0-9]{2}", message = "must be a catalog type such as 101") String listType,
                @NotBlank @Size(max = 50) String nationalCode, @NotNull LocalDate validFrom, LocalDate validTo) {
    }

    /** The mappings as they now stand. */
    record Mappings(List<ItemMapping> items) {
    }

    @PostMapping
    Mappings submit(@PathVariable String institutionCode, @Valid @RequestBody SubmitRequest request, CallerIdentity caller) {
        own(institutionCode, caller);
        return new Mappings(mappings.submit(institutionCode, request.items().stream()
                .map(i -> new ItemMappings.Submission(i.ownCode().trim(), i.ownName().trim(), i.listType(), i.nationalCode().trim(),
                        i.validFrom(), i.validTo()))
                .toList(), caller.clientId()));
    }

    /**
     * A mapping file (columns named as 3301's fields: fixmedins_hilist_id, fixmedins_hilist_name, list_type,
     * med_list_codg, begndate, enddate), all rows or none: 200 with the counts, 422 naming every refused row.
     */
    @PostMapping(path = "/file", consumes = {"text/csv", "text/tab-separated-values", "text/plain"})
    ResponseEntity<ItemMappings.FileReport> importFile(@PathVariable String institutionCode, HttpServletRequest request,
                                                       CallerIdentity caller) throws IOException {
        own(institutionCode, caller);
        ItemMappings.FileReport report = mappings.importFile(institutionCode, request.getInputStream(), request.getContentType(),
                caller.clientId());
        return ResponseEntity.status(report.applied() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }

    /**
     * The bureau's decision on submitted mappings.
     *
     * @param decision APPROVED or REJECTED
     * @param ownCodes the own codes decided; empty or absent: every submitted one
     * @param asOf     the time of the list the reviewer decided on: a submission made later stays pending
     *                 (optional; absent: now)
     * @param note     why (required to reject)
     */
    record ReviewRequest(@NotNull MappingStatus decision, @Size(max = 10_000) List<@NotBlank @Size(max = 150) String> ownCodes,
                         Instant asOf, @Size(max = 500) String note) {
    }

    /** How many mappings a review decided. */
    record Reviewed(int reviewed) {
    }

    @PostMapping("/review")
    Reviewed review(@PathVariable String institutionCode, @Valid @RequestBody ReviewRequest request, CallerIdentity caller) {
        code(institutionCode);
        return new Reviewed(mappings.review(institutionCode, request.decision(),
                request.ownCodes() == null ? List.of() : request.ownCodes(), request.asOf(), request.note(), caller.clientId()));
    }

    /** A revocation (3302): the own code, and the national code if the institution names it. */
    record RevokeRequest(@NotBlank @Size(max = 150) @Pattern(regexp = OWN_CODE, message = OWN_CODE_RULE) String ownCode, @Size(max = 50) String nationalCode) {
    }

    /** How many mappings a revocation ended. */
    record Revoked(int revoked) {
    }

    @PostMapping("/revocation")
    Revoked revoke(@PathVariable String institutionCode, @Valid @RequestBody RevokeRequest request, CallerIdentity caller) {
        own(institutionCode, caller);
        return new Revoked(mappings.revoke(institutionCode, request.ownCode().trim(),
                request.nationalCode() == null || request.nationalCode().isBlank() ? null : request.nationalCode().trim()));
    }

    /** A bill's lines to check: on a date, each with the institution's own code and, if known, the national one. */
    record CheckRequest(@NotNull LocalDate date, @NotEmpty @Size(max = 500) List<@Valid @NotNull CheckLine> lines) {
    }

    /** A line to check: any own code a HIS sends (one that could never be mapped is simply not mapped). */
    record CheckLine(@NotBlank @Size(max = 150) String ownCode, @Size(max = 50) String nationalCode) {
    }

    /** The lines that do not pass, each naming its index, which code and why; empty when all pass. */
    record CheckResult(List<ItemMappings.LineProblem> problems) {
    }

    @PostMapping("/check")
    CheckResult check(@PathVariable String institutionCode, @Valid @RequestBody CheckRequest request, CallerIdentity caller) {
        own(institutionCode, caller);
        return new CheckResult(mappings.check(institutionCode, request.date(),
                request.lines().stream().map(l -> new ItemMappings.LineCodes(l.ownCode().trim(), l.nationalCode())).toList()));
    }

    /**
     * A page of the institution's mappings by own code and begin date: ask again with {@code afterOwnCode}
     * and {@code afterValidFrom} = the last one's.
     */
    @GetMapping
    Mappings list(@PathVariable String institutionCode, @RequestParam Optional<MappingStatus> status,
                  @RequestParam(defaultValue = "") String afterOwnCode,
                  @RequestParam(defaultValue = "0001-01-01") LocalDate afterValidFrom,
                  @RequestParam(defaultValue = "1000") int limit, CallerIdentity caller) {
        own(institutionCode, caller);
        if (afterOwnCode.length() > 150 || !afterOwnCode.isEmpty() && !afterOwnCode.matches(OWN_CODE)) {
            throw new InvalidRequestException("afterOwnCode", "must be an own code: " + OWN_CODE_RULE);
        }
        if (limit < 1 || limit > 5_000) {
            throw new InvalidRequestException("limit", "must be between 1 and 5000");
        }
        return new Mappings(mappings.list(institutionCode, status, afterOwnCode, afterValidFrom, limit));
    }

    private static void own(String institutionCode, CallerIdentity caller) {
        code(institutionCode);
        caller.requireOwnInstitution(institutionCode, "institutionCode");
    }

    private static void code(String institutionCode) {
        if (institutionCode.length() > 30) {
            throw new InvalidRequestException("institutionCode", "has more than 30 characters");
        }
    }
}
