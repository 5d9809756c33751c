package org.yibao.settlement.api;

import org.yibao.web.problem.RequestParameters;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.settlement.accumulator.AccumulatorService;
import org.yibao.settlement.accumulator.YearAccumulators;
import org.yibao.settlement.bill.SettleRequest;
import org.yibao.settlement.bill.SettlementService;
import org.yibao.settlement.bill.SettlementTrace;
import org.yibao.settlement.bill.SettlementView;
import org.yibao.settlement.policy.PolicyPacks;
import org.yibao.contracts.events.VisitType;
import org.yibao.security.CallerIdentity;
import org.yibao.security.ClientKind;
import org.yibao.web.problem.ForbiddenException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The settlement API, behind the gateway at {@code /api/settlement}. */
@RestController
@RequestMapping("/api/settlement")
class SettlementController {

    private final SettlementService settlements;
    private final AccumulatorService accumulators;
    private final PolicyPacks packs;

    SettlementController(SettlementService settlements, AccumulatorService accumulators, PolicyPacks packs) {
        this.settlements = settlements;
        this.accumulators = accumulators;
        this.packs = packs;
    }

    /** Computes the one-stop bill without settling it (预结算). */
    @PostMapping("/pre-settlements")
    SettlementView preSettle(@Valid @RequestBody SettleRequest request, CallerIdentity caller) {
        mayBill(caller, request);
        return settlements.preSettle(request);
    }

    /** Settles (结算): 201 the first time, 200 with the same bill when the message is retried. */
    @PostMapping("/settlements")
    ResponseEntity<SettlementView> settle(@Valid @RequestBody SettleRequest request, CallerIdentity caller) {
        mayBill(caller, request);
        SettlementService.Settled settled = settlements.settle(request);
        return ResponseEntity.status(settled.created() ? HttpStatus.CREATED : HttpStatus.OK).body(settled.view());
    }

    /** Reverses a settlement in full (冲销), restoring the person's accumulators. */
    @PostMapping("/settlements/{id}/reversal")
    SettlementView reverse(@PathVariable UUID id, @Valid @RequestBody ReverseRequest request, CallerIdentity caller) {
        // a settlement never changes institution, so reading it before the locked reversal is safe
        caller.requireOwnInstitution(settlements.get(id).institutionCode(), "settlement " + id + "'s institution");
        return settlements.reverse(id, request.reason());
    }

    @GetMapping("/settlements/{id}")
    SettlementView get(@PathVariable UUID id, CallerIdentity caller) {
        SettlementView settlement = settlements.get(id);
        caller.requireOwnInstitution(settlement.institutionCode(), "settlement " + id + "'s institution");
        return settlement;
    }

    /**
     * A settled bill's calculation trace (计算过程, issue 25): a step per layer, as stored with the bill when it was settled.
     * A hospital or pharmacy reads only its own bill's; 404 for an unknown id or a bill settled before traces were stored.
     */
    @GetMapping("/settlements/{id}/trace")
    SettlementTrace trace(@PathVariable UUID id, CallerIdentity caller) {
        SettlementService.Traced traced = settlements.trace(id);
        caller.requireOwnInstitution(traced.institutionCode(), "settlement " + id + "'s institution");
        return traced.trace().orElseThrow(() -> new NotFoundException("settlement " + id
                + " was settled before calculation traces were stored with bills, so it has none; its amounts are at "
                + "GET /api/settlement/settlements/" + id));
    }

    /**
     * The settlement the institution made under a message id (its idempotency key), for a settle whose answer was lost: 200
     * with it, or 404 — never settled by asking. A hospital or pharmacy reads only its own.
     */
    @GetMapping("/institutions/{institutionCode}/settlements/by-message-id/{messageId}")
    SettlementView byMessageId(@PathVariable String institutionCode, @PathVariable String messageId, CallerIdentity caller) {
        caller.requireOwnInstitution(institutionCode, "institutionCode");
        if (institutionCode.length() > 30) {
            throw new InvalidRequestException("institutionCode", "has more than 30 characters");
        }
        if (messageId.isBlank() || messageId.length() > 100) {
            throw new InvalidRequestException("messageId", "must be 1 to 100 characters, as a settlement's message id is");
        }
        return settlements.byMessageId(institutionCode, messageId);
    }

    /** A person's settlements in a year; a hospital or pharmacy sees only those it made. */
    @GetMapping("/persons/{personId}/settlements")
    List<SettlementView> forPerson(@PathVariable String personId, @RequestParam int year, CallerIdentity caller) {
        List<SettlementView> all = settlements.forPerson(person(personId), year(year));
        return caller.actsForInstitution()
                ? all.stream().filter(s -> s.institutionCode().equals(caller.institution())).toList()
                : all;
    }

    /**
     * An institution's settlements settled, or reversed, between two days inclusive (Beijing time), for
     * the institution's reconciliation (对账, the national interface's 3201/3202): each with its amounts
     * in yuan, without lines. A hospital or pharmacy reads only its own; at most 366 days.
     */
    @GetMapping("/institutions/{institutionCode}/settlements")
    List<InstitutionSettlement> ofInstitution(@PathVariable String institutionCode, @RequestParam LocalDate from,
                                              @RequestParam LocalDate to, CallerIdentity caller) {
        caller.requireOwnInstitution(institutionCode, "institutionCode");
        if (institutionCode.length() > 30) {
            throw new InvalidRequestException("institutionCode", "has more than 30 characters");
        }
        if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            throw new InvalidRequestException("to", "must be on or after from, and at most 366 days after it");
        }
        return settlements.ofInstitution(institutionCode, from, to).stream().map(InstitutionSettlement::of).toList();
    }

    @GetMapping("/persons/{personId}/accumulators")
    YearAccumulators accumulators(@PathVariable String personId, @RequestParam int year) {
        return accumulators.of(person(personId), year(year));
    }

    @GetMapping("/policy-packs")
    List<PolicyPackSummary> policyPacks() {
        return packs.all().stream().map(PolicyPackSummary::of).toList();
    }

    /**
     * A hospital bills only as itself and not for pharmacy visits; a pharmacy only as itself and
     * only pharmacy visits.
     */
    private static void mayBill(CallerIdentity caller, SettleRequest request) {
        caller.requireOwnInstitution(request.institutionCode(), "institutionCode");
        boolean pharmacyVisit = request.visitType() == VisitType.PHARMACY;
        if (caller.kind() == ClientKind.PHARMACY && !pharmacyVisit) {
            throw new ForbiddenException("visitType is " + request.visitType() + " but a pharmacy settles only PHARMACY visits");
        }
        if (caller.kind() == ClientKind.HIS && pharmacyVisit) {
            throw new ForbiddenException("visitType is PHARMACY but a hospital settles only its own outpatient and inpatient visits");
        }
    }

    private static String person(String personId) {
        return RequestParameters.person(personId);
    }

    private static int year(int year) {
        return RequestParameters.year(year);
    }
}
