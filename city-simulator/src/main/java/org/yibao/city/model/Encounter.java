package org.yibao.city.model;

import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One visit of a person to a hospital or pharmacy, billed by it the day it happens (a stay: the day of discharge).
 *
 * @param messageId   the institution's message id (the settlement's idempotency key): the same city gives the same ids
 * @param planted     the fraud pattern this bill plants (the claim the audit should flag), or null
 * @param reversed    whether the institution reverses the settlement afterwards (a billing error)
 * @param facts       what the bill says beyond its lines: emergency, stay times, procedures, doctor, department
 * @param accompanies the fraud pattern this bill is part of without being the improper claim itself (the first bill
 *                    of a split visit, the stay an outpatient bill falls inside, ...), or null; flagging it is no false
 *                    positive, missing it no miss
 * @param trap        the clean look-alike this bill belongs to (must not be flagged), or null
 */
public record Encounter(String messageId, Person person, LocalDate date, Institution institution, VisitType visitType,
                        List<String> diagnoses, List<Line> lines, FraudPattern planted, boolean reversed, Facts facts,
                        FraudPattern accompanies, Trap trap) {

    public Encounter {
        facts = facts == null ? Facts.NONE : facts;
    }

    /** A bill with no facts beyond its lines, planted or honest. */
    public Encounter(String messageId, Person person, LocalDate date, Institution institution, VisitType visitType,
                     List<String> diagnoses, List<Line> lines, FraudPattern planted, boolean reversed) {
        this(messageId, person, date, institution, visitType, diagnoses, lines, planted, reversed, Facts.NONE, null, null);
    }

    /** The same bill under another message id, not to be reversed (a hospital billing again after a reversal). */
    public Encounter billedAgainAs(String id) {
        return new Encounter(id, person, date, institution, visitType, diagnoses, lines, planted, false, facts, accompanies, trap);
    }

    /** The pattern the bill belongs to in any role (the improper claim or one accompanying it), or null. */
    public FraudPattern pattern() {
        return planted != null ? planted : accompanies;
    }

    /** What the bill was planted as, or null for an honest bill. */
    public Mark mark() {
        return honest() ? null : new Mark(pattern(), planted != null, trap);
    }

    /**
     * A planted bill's part: the pattern it belongs to and whether it is the improper claim itself, or the look-alike.
     *
     * @param pattern  the fraud pattern, or null for a look-alike
     * @param improper the claim the audit should flag (else one accompanying it)
     * @param trap     the clean look-alike, or null
     */
    public record Mark(FraudPattern pattern, boolean improper, Trap trap) {
    }

    /** Whether the bill is honest: no pattern, no trap. */
    public boolean honest() {
        return planted == null && accompanies == null && trap == null;
    }

    /**
     * @param emergency      an emergency visit or admission (急诊)
     * @param admittedAt     a stay's admission, Beijing local time; null for other visits
     * @param dischargedAt   a stay's discharge (on the bill's date); null for other visits
     * @param procedureCodes procedures performed (ICD-9-CM-3), main first
     * @param doctorCode     the attending or prescribing doctor's national code (医保医师代码)
     * @param departmentCode the department (科室) by the national classification of clinical departments; null at a pharmacy
     * @param deliveryKind   a delivery's kind (生育类别: NATURAL, ASSISTED, CAESAREAN, ...), on which its fixed payment
     *                       depends; null for any other visit
     */
    public record Facts(boolean emergency, LocalDateTime admittedAt, LocalDateTime dischargedAt, List<String> procedureCodes,
                        String doctorCode, String departmentCode, String deliveryKind) {

        public static final Facts NONE = new Facts(false, null, null, List.of(), null, null);

        public Facts {
            procedureCodes = procedureCodes == null ? List.of() : List.copyOf(procedureCodes);
        }

        /** Facts of a bill that is not a delivery. */
        public Facts(boolean emergency, LocalDateTime admittedAt, LocalDateTime dischargedAt, List<String> procedureCodes,
                     String doctorCode, String departmentCode) {
            this(emergency, admittedAt, dischargedAt, procedureCodes, doctorCode, departmentCode, null);
        }
    }

    /**
     * @param daysOfSupply days a drug line lasts at its usual daily dose (用药天数), or null (not a drug, or not sent)
     * @param doctorCode   the prescribing doctor (开单医生), or null
     */
    public record Line(Item item, BigDecimal quantity, Money unitPrice, Integer daysOfSupply, String doctorCode) {

        public Line(Item item, BigDecimal quantity, Money unitPrice) {
            this(item, quantity, unitPrice, null, null);
        }

        public Money amount() {
            return unitPrice.times(quantity, java.math.RoundingMode.HALF_UP);
        }

        public Line withSupply(Integer days, String doctor) {
            return new Line(item, quantity, unitPrice, days, doctor);
        }
    }
}
