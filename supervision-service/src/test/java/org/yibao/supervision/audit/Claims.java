package org.yibao.supervision.audit;

import org.yibao.contracts.events.ClaimLine;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.money.Price;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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
        return new AuditSettings(splitHospitalisationDays, List.of(testItemPrefixes));
    }
}
