package org.yibao.supervision.precheck;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Severity;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.money.Price;
import org.yibao.supervision.institution.Institution;
import org.yibao.supervision.institution.InstitutionService;
import org.yibao.supervision.rules.ClaimFacts;
import org.yibao.supervision.rules.RuleEngine;
import org.yibao.supervision.rules.RuleEntry;
import org.yibao.supervision.rules.RuleFinding;
import org.yibao.supervision.rules.RuleInput;
import org.yibao.supervision.rules.RuleInputs;
import org.yibao.supervision.rules.RuleLibrary;
import org.yibao.supervision.rules.Stage;
import org.yibao.web.problem.InvalidRequestException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The real-time pre-check (事前事中审核) settlement and the national interface (3101 事前, 3102 事中) ask
 * before a bill is settled: the rule library's enabled entries of the stage asked (DURING unless
 * BEFORE is asked), applied to the bill with the person's kept claims around it — the same rules the
 * smart audit applies after settlement. A VIOLATION finding (明确违规) refuses the bill (BLOCK), a
 * SUSPECT one (可疑) settles it with a warning (WARN); an institution whose agreement is not active is
 * refused, one not registered with supervision warned about. The bill must add up (each line's amount is
 * its quantity x unit price, the total their sum; 400 naming the field otherwise), and what the person's
 * history shows is told without naming the other institutions.
 */
@Service
public class PreCheck {

    public enum Outcome { PASS, WARN, BLOCK }

    /**
     * A bill before settlement.
     *
     * @param stage        BEFORE (事前, 3101) or DURING (事中, 3102 and settlement's pre-check; the default)
     * @param admittedAt   inpatient admission, Beijing local time (optional)
     * @param dischargedAt inpatient discharge (optional; not before admittedAt)
     * @param procedureCodes ICD-9-CM-3 codes of the procedures performed (optional)
     * @param personType   the person's type (optional)
     * @param emergency    an emergency visit (optional, default false)
     */
    public record Request(@NotNull ResidentId personId, @NotBlank @Size(max = 30) String institutionCode, @NotNull VisitType visitType,
                          @NotNull LocalDate serviceDate, @Size(max = 20) List<@NotBlank @Size(max = 20) String> diagnosisCodes,
                          @NotNull Money total, @NotEmpty @Size(max = 500) List<@Valid @NotNull Line> lines,
                          Stage stage, LocalDateTime admittedAt, LocalDateTime dischargedAt,
                          @Size(max = 20) List<@NotBlank @Size(max = 30) String> procedureCodes,
                          @Size(max = 30) String doctorCode, @Size(max = 30) String departmentCode, PersonType personType,
                          Boolean emergency) {

        /** A bill with the facts of the first version of the pre-check only. */
        public Request(ResidentId personId, String institutionCode, VisitType visitType, LocalDate serviceDate,
                       List<String> diagnosisCodes, Money total, List<Line> lines) {
            this(personId, institutionCode, visitType, serviceDate, diagnosisCodes, total, lines, null, null, null, null, null, null,
                    null, null);
        }
    }

    /**
     * @param quantity     units of the item, more than zero, at most 12 integer digits and 4 decimals (as settlement takes them)
     * @param unitPrice    yuan per unit, at most 6 decimals (the national 16,6)
     * @param daysOfSupply days a drug lasts as prescribed (prd_days), 1 to 3660 (optional)
     */
    public record Line(@NotBlank @Size(max = 50) String itemCode, @Size(max = 10) String itemClass,
                       @NotNull @DecimalMin(value = "0.0001", message = "must be more than zero") @Digits(integer = 12, fraction = 4) BigDecimal quantity,
                       @NotNull Price unitPrice, @NotNull Money amount, @Min(1) @Max(3660) Integer daysOfSupply,
                       @Size(max = 30) String doctorCode) {

        public Line(String itemCode, String itemClass, BigDecimal quantity, Price unitPrice, Money amount) {
            this(itemCode, itemClass, quantity, unitPrice, amount, null, null);
        }
    }

    /**
     * A finding as the pre-check answers it (3101/3102 rows).
     *
     * @param ruleId   the rule library's entry (rule_id)
     * @param rule     the kind of violation (vola_bhvr_type)
     * @param amount   yuan in violation (vola_amt)
     * @param line     the 1-based line of the request, or null for the whole bill
     */
    public record Finding(String ruleId, AuditRule rule, String ruleName, Severity severity, Money amount, String evidence,
                          Integer line) {
    }

    /** @param reasons every finding's evidence (and the institution's), blocking ones first */
    public record Verdict(Outcome outcome, List<String> reasons, List<Finding> findings) {
    }

    private final InstitutionService institutions;
    private final RuleLibrary library;
    private final RuleInputs inputs;
    private final MeterRegistry meters;

    PreCheck(InstitutionService institutions, RuleLibrary library, RuleInputs inputs, MeterRegistry meters) {
        this.institutions = institutions;
        this.library = library;
        this.inputs = inputs;
        this.meters = meters;
    }

    @Transactional(readOnly = true)
    public Verdict check(Request r) {
        Stage stage = r.stage() == null ? Stage.DURING : r.stage();
        if (stage == Stage.AFTER) {
            throw new InvalidRequestException("stage", "must be BEFORE or DURING: AFTER is the smart audit's");
        }
        if (r.admittedAt() != null && r.dischargedAt() != null && r.dischargedAt().isBefore(r.admittedAt())) {
            throw new InvalidRequestException("dischargedAt", "is before admittedAt");
        }
        if (r.serviceDate().getYear() < 1990 || r.serviceDate().getYear() > 2100) {
            throw new InvalidRequestException("serviceDate", "must lie in 1990 to 2100");
        }
        for (LocalDateTime t : java.util.Arrays.asList(r.admittedAt(), r.dischargedAt())) {
            if (t != null && (t.getYear() < 1990 || t.getYear() > 2100)) {
                throw new InvalidRequestException(t == r.admittedAt() ? "admittedAt" : "dischargedAt", "must lie in 1990 to 2100");
            }
        }
        for (int i = 0; i < r.lines().size(); i++) {
            Line l = r.lines().get(i);
            if (!l.unitPrice().times(l.quantity()).equals(l.amount())) {
                throw new InvalidRequestException("lines[" + i + "].amount", "must be quantity x unitPrice rounded half up to the fen ("
                        + l.unitPrice().times(l.quantity()) + ")");
            }
        }
        Money sum = Money.sum(r.lines().stream().map(Line::amount).toList());
        if (!sum.equals(r.total())) {
            throw new InvalidRequestException("total", "must be the sum of the lines' amounts (" + sum + ")");
        }
        List<String> block = new ArrayList<>();
        List<String> warn = new ArrayList<>();
        Optional<Institution> institution = institutions.find(r.institutionCode());
        if (institution.isEmpty()) {
            warn.add("institution " + r.institutionCode() + " is not registered with supervision");
        } else if (institution.get().status() != AgreementStatus.ACTIVE) {
            block.add("institution " + r.institutionCode() + "'s agreement is " + institution.get().status());
        }
        List<RuleEntry> entries = library.entries().stream().filter(RuleEntry::enabled).toList();
        ClaimFacts bill = facts(r, institution.map(Institution::regionCode).orElse(""));
        List<Finding> findings = new ArrayList<>();
        RuleInput input = inputs.around(bill, stage, entries);
        for (RuleFinding f : RuleEngine.apply(entries, input)) {
            String evidence = withoutOtherInstitutions(f.evidence(), input, r.institutionCode());
            findings.add(new Finding(f.ruleId(), f.kind(), f.ruleName(), f.severity(), f.amount(), evidence,
                    f.lines().size() == 1 ? f.lines().get(0) : null));
            (f.severity() == Severity.VIOLATION ? block : warn).add(f.ruleId() + ": " + evidence);
        }
        Outcome outcome = !block.isEmpty() ? Outcome.BLOCK : !warn.isEmpty() ? Outcome.WARN : Outcome.PASS;
        List<String> reasons = new ArrayList<>(block);
        reasons.addAll(warn);
        meters.counter("yibao.supervision.prechecks", "outcome", outcome.name()).increment();
        return new Verdict(outcome, reasons, findings);
    }

    /**
     * A hospital learns from the pre-check that its patient was treated elsewhere, not where: the codes of
     * the other institutions in the person's history are left out of the evidence.
     */
    private static String withoutOtherInstitutions(String evidence, RuleInput input, String own) {
        String told = evidence;
        for (ClaimFacts other : input.history()) {
            if (!other.institution().equals(own)) {
                told = told.replace(other.institution(), "another institution");
            }
        }
        return told;
    }

    private static ClaimFacts facts(Request r, String regionCode) {
        List<ClaimFacts.Line> lines = new ArrayList<>();
        for (Line l : r.lines()) {
            lines.add(new ClaimFacts.Line(lines.size() + 1, l.itemCode(), null, category(l.itemCode()), itemClass(l.itemClass()),
                    l.quantity(), l.unitPrice(), l.amount(), Money.ZERO, l.daysOfSupply()));
        }
        return new ClaimFacts(ClaimFacts.PRE_CHECK, r.personId().value(), r.institutionCode(), regionCode, r.serviceDate().getYear(),
                r.visitType(), r.serviceDate(), r.admittedAt(), r.dischargedAt(), Boolean.TRUE.equals(r.emergency()), r.personType(),
                r.diagnosisCodes() == null ? List.of() : r.diagnosisCodes(), r.procedureCodes() == null ? List.of() : r.procedureCodes(),
                r.total(), lines);
    }

    /**
     * The item's category by its national code's first letter (X western drugs, Z Chinese patent
     * medicines, T herbal pieces, C consumables, otherwise a service). ASSUMPTION: the national
     * codes' leading letters; the bill under pre-check carries no category.
     */
    private static ItemCategory category(String code) {
        return switch (code.isEmpty() ? ' ' : Character.toUpperCase(code.charAt(0))) {
            case 'X', 'Z' -> ItemCategory.DRUG;
            case 'T' -> ItemCategory.TCM_HERBAL;
            case 'C' -> ItemCategory.CONSUMABLE;
            default -> ItemCategory.SERVICE;
        };
    }

    private static ItemClass itemClass(String text) {
        if (text == null) {
            return ItemClass.C;
        }
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "A", "甲" -> ItemClass.A;
            case "B", "乙" -> ItemClass.B;
            default -> ItemClass.C;
        };
    }
}
