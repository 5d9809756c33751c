package org.yibao.supervision.audit;

import org.yibao.contracts.events.ClaimLine;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.money.Price;
import org.yibao.supervision.nationalcatalog.CatalogEntry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Claims for the rules' unit tests: built in memory, no Spring, no database. */
final class Claims {

    static final LocalDate DAY = LocalDate.of(2026, 3, 20);
    static final String PERSON = "44170219600101101X";

    private Claims() {
    }

    static ClaimSettled inpatient(String settlementId, String institution, LocalDate served, List<String> diagnoses,
                                  ClaimLine... lines) {
        return claim(settlementId, VisitType.INPATIENT, institution, served, diagnoses, lines);
    }

    static ClaimSettled claim(String settlementId, VisitType visitType, String institution, LocalDate served,
                              List<String> diagnoses, ClaimLine... lines) {
        Money total = Money.sum(List.of(lines).stream().map(ClaimLine::amount).toList());
        SettlementAmounts amounts = new SettlementAmounts(total, Money.ZERO, Money.ZERO, total, Money.ZERO, total, Money.ZERO,
                Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        return new ClaimSettled(settlementId, PERSON, institution, "441700", Scheme.RESIDENT, visitType, served.getYear(),
                served, diagnoses, Instant.parse("2026-03-25T08:00:00Z"), "yangjiang-2019-resident@2", amounts, null,
                List.of(lines));
    }

    /** A class A line of one unit, nothing self-paid. */
    static ClaimLine line(String code, String amount) {
        return line(code, ItemClass.A, amount, "0.00");
    }

    static ClaimLine line(String code, ItemClass itemClass, String amount, String selfPay) {
        return new ClaimLine(code, "item", code.startsWith("X") ? ItemCategory.DRUG : ItemCategory.SERVICE, itemClass,
                BigDecimal.ONE, Price.of(amount), Money.of(amount), Money.of(selfPay), false);
    }

    /** A line of a quantity at a unit price (6 decimals at most), its amount rounded half up to the fen. */
    static ClaimLine priced(String code, ItemClass itemClass, String quantity, String unitPrice, String selfPay) {
        Price price = Price.of(unitPrice);
        return new ClaimLine(code, "item", ItemCategory.DRUG, itemClass, new BigDecimal(quantity), price,
                price.times(new BigDecimal(quantity)), Money.of(selfPay), false);
    }

    /** A catalog entry in force from 2026-01-01, open-ended, with a general ceiling and ceilings by level. */
    static CatalogEntry entry(String code, ItemClass itemClass, String ceiling, Map<InstitutionLevel, Money> levelCeilings) {
        return new CatalogEntry(code, LocalDate.of(2026, 1, 1), "目录名称", itemClass, null,
                ceiling == null ? null : Money.of(ceiling), levelCeilings, List.of());
    }

    /** The claim billed at an institution of a level, with the catalog's entries in force on its day. */
    static ClaimUnderAudit withCatalog(ClaimSettled claim, InstitutionLevel level, CatalogEntry... entries) {
        return new ClaimUnderAudit(claim, Optional.empty(), List.of(), Optional.ofNullable(level),
                List.of(entries).stream().collect(Collectors.toMap(CatalogEntry::code, Function.identity())));
    }

    /** The claim with nothing around it: no death, no other stay. */
    static ClaimUnderAudit alone(ClaimSettled claim) {
        return new ClaimUnderAudit(claim, Optional.empty(), List.of());
    }

    static ClaimUnderAudit withStays(ClaimSettled claim, ClaimUnderAudit.Stay... stays) {
        return new ClaimUnderAudit(claim, Optional.empty(), List.of(stays));
    }

    static ClaimUnderAudit.Stay stay(String settlementId, String institution, LocalDate served, String... diagnoses) {
        return new ClaimUnderAudit.Stay(settlementId, institution, served, List.of(diagnoses));
    }

    static AuditSettings settings(int splitHospitalisationDays, String... testItemPrefixes) {
        return new AuditSettings(splitHospitalisationDays, List.of(testItemPrefixes), null);
    }
}
