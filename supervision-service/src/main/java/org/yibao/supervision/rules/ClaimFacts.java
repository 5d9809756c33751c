package org.yibao.supervision.rules;

import org.yibao.contracts.events.ClaimLine;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.money.Price;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A claim as the rule library's rules see it: a settled claim (ClaimSettled, or one kept from it), or
 * a bill the pre-check is asked about (then {@code settlementId} is {@link #PRE_CHECK}).
 *
 * @param admittedAt   inpatient admission, Beijing local time; null when not known (then the stay is its service date)
 * @param dischargedAt inpatient discharge; null when not known
 * @param total        yuan, the sum of the lines
 */
public record ClaimFacts(String settlementId, String personId, String institution, String regionCode, int year,
                         VisitType visitType, LocalDate serviceDate, LocalDateTime admittedAt, LocalDateTime dischargedAt,
                         boolean emergency, PersonType personType, List<String> diagnoses, List<String> procedures,
                         Money total, List<Line> lines) {

    /** The id a bill under pre-check carries: it is not settled yet. */
    public static final String PRE_CHECK = "pre-check";

    public ClaimFacts {
        diagnoses = List.copyOf(diagnoses);
        procedures = List.copyOf(procedures);
        lines = List.copyOf(lines);
    }

    /**
     * A line of the claim.
     *
     * @param no           1-based, the bill's order
     * @param quantity     units, at most 4 decimals
     * @param amount       yuan
     * @param selfPay      yuan outside policy scope (zero for a bill under pre-check)
     * @param daysOfSupply days the drug lasts as prescribed; null when not given
     */
    public record Line(int no, String itemCode, String itemName, ItemCategory category, ItemClass itemClass,
                       BigDecimal quantity, Price unitPrice, Money amount, Money selfPay, Integer daysOfSupply) {
    }

    /** The facts of a settled claim. */
    public static ClaimFacts of(ClaimSettled c) {
        List<Line> lines = new ArrayList<>();
        for (ClaimLine l : c.lines()) {
            lines.add(new Line(lines.size() + 1, l.itemCode(), l.itemName(), l.category(), l.itemClass(), l.quantity(),
                    l.unitPrice(), l.amount(), l.selfPay(), l.daysOfSupply()));
        }
        return new ClaimFacts(c.settlementId(), c.personId(), c.institutionCode(), c.regionCode(), c.year(), c.visitType(),
                c.serviceDate(), c.admittedAt(), c.dischargedAt(), c.emergency(), c.personType(), c.diagnosisCodes(),
                c.procedureCodes(), c.amounts().total(), lines);
    }

    /** A stay: an admission, or a delivery's stay (分娩住院, maternity insurance). */
    public boolean isInpatient() {
        return visitType == VisitType.INPATIENT || visitType == VisitType.DELIVERY;
    }

    /** The first day of the stay: the admission's date, or the service date when not known. */
    public LocalDate stayStart() {
        return admittedAt != null ? admittedAt.toLocalDate() : serviceDate;
    }

    /** The last day of the stay: the discharge's date, or the service date when not known. */
    public LocalDate stayEnd() {
        return dischargedAt != null ? dischargedAt.toLocalDate() : serviceDate;
    }

    /** Whether the claim names an item whose code starts with the prefix. */
    public boolean hasItem(String prefix) {
        return lines.stream().anyMatch(l -> l.itemCode().startsWith(prefix));
    }

    /** ICD-10 categories (the first three characters, upper case) of the diagnoses. */
    public List<String> diagnosisCategories() {
        return diagnoses.stream().map(d -> d.toUpperCase(Locale.ROOT).replace(".", ""))
                .map(d -> d.length() >= 3 ? d.substring(0, 3) : d).distinct().toList();
    }

    /** Whether the claim is the one under audit rather than one of the person's others. */
    public boolean isPreCheck() {
        return PRE_CHECK.equals(settlementId);
    }
}
