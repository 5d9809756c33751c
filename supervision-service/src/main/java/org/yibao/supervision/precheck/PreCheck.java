package org.yibao.supervision.precheck;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.stereotype.Service;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.supervision.institution.Institution;
import org.yibao.supervision.institution.InstitutionService;
import org.yibao.supervision.nationalcatalog.NationalCatalogService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The real-time pre-check (事前事中审核) settlement asks before it settles: the rules that fit a single
 * bill, answered from memory, one institution lookup and one look at supervision's copy of the catalog
 * (the restricted-payment conditions in force on the service date, {@link RestrictedPayment}), so it
 * takes milliseconds. BLOCK stops the settlement; WARN settles and leaves the reasons on the bill for
 * the after-the-fact audit.
 */
@Service
public class PreCheck {

    public enum Outcome { PASS, WARN, BLOCK }

    public record Request(@NotNull ResidentId personId, @NotBlank @Size(max = 30) String institutionCode, @NotNull VisitType visitType,
                          @NotNull LocalDate serviceDate, @Size(max = 20) List<@NotBlank @Size(max = 20) String> diagnosisCodes,
                          @NotNull Money total, @NotEmpty @Size(max = 500) List<@Valid @NotNull Line> lines) {
    }

    /**
     * @param quantity  units of the item, more than zero, at most 12 integer digits and 4 decimals (as settlement takes them)
     * @param unitPrice yuan per unit, at most 6 decimals (the national 16,6)
     */
    public record Line(@NotBlank @Size(max = 50) String itemCode, @Size(max = 10) String itemClass,
                       @NotNull @DecimalMin(value = "0.0001", message = "must be more than zero") @Digits(integer = 12, fraction = 4) BigDecimal quantity,
                       @NotNull org.yibao.contracts.money.Price unitPrice, @NotNull Money amount) {
    }

    public record Verdict(Outcome outcome, List<String> reasons) {
    }

    private final InstitutionService institutions;
    private final SingleBillRules billRules;
    private final NationalCatalogService catalog;
    private final MeterRegistry meters;

    PreCheck(InstitutionService institutions, SingleBillRules billRules, NationalCatalogService catalog, MeterRegistry meters) {
        this.institutions = institutions;
        this.billRules = billRules;
        this.catalog = catalog;
        this.meters = meters;
    }

    public Verdict check(Request r) {
        List<String> block = new ArrayList<>();
        List<String> warn = new ArrayList<>();
        Optional<Institution> institution = institutions.find(r.institutionCode());
        if (institution.isEmpty()) {
            warn.add("institution " + r.institutionCode() + " is not registered with supervision");
        } else if (institution.get().status() != AgreementStatus.ACTIVE) {
            block.add("institution " + r.institutionCode() + "'s agreement is " + institution.get().status());
        }
        List<SingleBillRules.Item> items = r.lines().stream()
                .map(l -> new SingleBillRules.Item(l.itemCode(), l.quantity(), l.amount())).toList();
        List<String> diagnoses = r.diagnosisCodes() == null ? List.of() : r.diagnosisCodes();
        for (SingleBillRules.Finding f : billRules.check(new SingleBillRules.Patient(r.personId(), r.serviceDate(), diagnoses),
                items)) {
            (f.blocking() ? block : warn).add(f.evidence());
        }
        List<String> codes = r.lines().stream().map(Line::itemCode).toList();
        warn.addAll(RestrictedPayment.warnings(codes, catalog.inForce(codes, r.serviceDate()), diagnoses, r.visitType()));
        Outcome outcome = !block.isEmpty() ? Outcome.BLOCK : !warn.isEmpty() ? Outcome.WARN : Outcome.PASS;
        List<String> reasons = new ArrayList<>(block);
        reasons.addAll(warn);
        meters.counter("yibao.supervision.prechecks", "outcome", outcome.name()).increment();
        return new Verdict(outcome, reasons);
    }
}
