package org.yibao.supervision.audit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.yibao.contracts.events.ClaimLine;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.ViolationDetected;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.supervision.precheck.SingleBillRules;

import java.sql.Date;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Smart audit (智能审核) of every settled claim: the single-bill rules the pre-check also uses, and
 * the rules across claims — split hospitalisation, one person in two hospitals on the same day, an
 * admission with tests only. Each finding is stored once per rule and claim and announced as
 * ViolationDetected with its evidence. Runs in the consumer's transaction, so a redelivered claim is
 * audited once.
 */
@Service
public class SmartAudit {

    private final JdbcTemplate jdbc;
    private final SingleBillRules billRules;
    private final AuditSettings settings;
    private final OutboxWriter outbox;
    private final MeterRegistry meters;
    private final Clock clock;

    SmartAudit(JdbcTemplate jdbc, SingleBillRules billRules, AuditSettings settings, OutboxWriter outbox,
               MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.billRules = billRules;
        this.settings = settings;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
    }

    public void audit(ClaimSettled c) {
        int kept = jdbc.update("""
                        insert into audited_claim (settlement_id, person_id, institution, region_code, visit_type, service_date,
                            diagnosis_codes, total) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (settlement_id) do nothing""",
                c.settlementId(), c.personId(), c.institutionCode(), c.regionCode(), c.visitType().name(),
                Date.valueOf(c.serviceDate()), String.join(",", c.diagnosisCodes()), c.amounts().total().amount());
        if (kept == 0) {
            return;
        }
        List<SingleBillRules.Item> items = c.lines().stream()
                .map(l -> new SingleBillRules.Item(l.itemCode(), l.quantity(), l.amount())).toList();
        for (SingleBillRules.Finding f : billRules.check(new SingleBillRules.Patient(ResidentId.of(c.personId()), c.serviceDate(),
                c.diagnosisCodes()), items)) {
            record(c, f.rule(), List.of(), f.amountAtRisk(), f.evidence());
        }
        for (ClaimLine line : c.lines()) {
            // a class A line has no prior self-pay, so any self-pay on it is the part above the catalog ceiling
            if (line.itemClass() == ItemClass.A && line.selfPay().isPositive()) {
                record(c, "PRICE_ABOVE_CEILING", List.of(), line.selfPay(), line.itemCode() + " billed at " + line.unitPrice()
                        + " a unit, " + line.selfPay() + " above the catalog ceiling");
            }
        }
        List<Date> death = jdbc.queryForList("select date_of_death from death where person_id = ?", Date.class, c.personId());
        if (!death.isEmpty() && c.serviceDate().isAfter(death.get(0).toLocalDate())) {
            record(c, "CLAIM_AFTER_DEATH", List.of(), c.amounts().total(), "treatment on " + c.serviceDate()
                    + " after the death registered on " + death.get(0).toLocalDate());
        }
        if (c.visitType() != VisitType.INPATIENT) {
            return;
        }
        if (!c.lines().isEmpty() && c.lines().stream().map(ClaimLine::itemCode)
                .allMatch(code -> settings.testItemPrefixes().stream().anyMatch(code::startsWith))) {
            record(c, "TESTS_ONLY_ADMISSION", List.of(), c.amounts().total(),
                    "an admission billed for tests only, no treatment (" + c.lines().size() + " test lines)");
        }
        for (Map<String, Object> other : jdbc.queryForList("""
                        select settlement_id, institution, service_date, diagnosis_codes from audited_claim
                        where person_id = ? and visit_type = 'INPATIENT' and settlement_id <> ? and not reversed
                          and service_date between ? and ?""",
                c.personId(), c.settlementId(), Date.valueOf(c.serviceDate().minusDays(settings.splitHospitalisationDays())),
                Date.valueOf(c.serviceDate()))) {
            String otherId = (String) other.get("settlement_id");
            String otherInstitution = (String) other.get("institution");
            java.time.LocalDate otherDate = ((Date) other.get("service_date")).toLocalDate();
            if (otherDate.equals(c.serviceDate()) && !otherInstitution.equals(c.institutionCode())) {
                record(c, "TWO_PLACES_AT_ONCE", List.of(otherId), c.amounts().total(),
                        "inpatient at " + c.institutionCode() + " and at " + otherInstitution + " on " + c.serviceDate());
            }
            List<String> related = relatedDiagnoses(c.diagnosisCodes(), (String) other.get("diagnosis_codes"));
            if (!otherDate.equals(c.serviceDate()) && !related.isEmpty()) {
                record(c, "SPLIT_HOSPITALISATION", List.of(otherId), c.amounts().total(),
                        "readmitted on " + c.serviceDate() + ", " + (c.serviceDate().toEpochDay() - otherDate.toEpochDay())
                                + " days after the stay of " + otherDate + " at " + otherInstitution + ", with related diagnoses "
                                + related);
            }
        }
    }

    /**
     * A death registered (possibly late): claims already settled for treatment after it are flagged
     * now. Returns how many.
     */
    public int deathRegistered(String personId, java.time.LocalDate dateOfDeath, String source) {
        jdbc.update("""
                insert into death (person_id, date_of_death, source) values (?, ?, ?)
                on conflict (person_id) do update set date_of_death = excluded.date_of_death, source = excluded.source""",
                personId, Date.valueOf(dateOfDeath), source);
        int flagged = 0;
        for (Map<String, Object> claim : jdbc.queryForList("""
                select settlement_id, institution, region_code, service_date, total from audited_claim
                where person_id = ? and service_date > ? and not reversed""", personId, Date.valueOf(dateOfDeath))) {
            java.time.LocalDate served = ((Date) claim.get("service_date")).toLocalDate();
            Subject subject = new Subject((String) claim.get("settlement_id"), personId, (String) claim.get("institution"),
                    (String) claim.get("region_code"), served.getYear());
            if (record(subject, "CLAIM_AFTER_DEATH", List.of(), Money.of((java.math.BigDecimal) claim.get("total")),
                    "treatment on " + served + " after the death registered on " + dateOfDeath)) {
                flagged++;
            }
        }
        return flagged;
    }

    public void reversed(String settlementId) {
        jdbc.update("update audited_claim set reversed = true where settlement_id = ?", settlementId);
    }

    /** ICD-10 categories (the first three characters) the two claims share. */
    private static List<String> relatedDiagnoses(List<String> these, String others) {
        List<String> otherCategories = others.isEmpty() ? List.of()
                : Arrays.stream(others.split(",")).map(d -> d.length() >= 3 ? d.substring(0, 3) : d).toList();
        return these.stream().map(d -> d.length() >= 3 ? d.substring(0, 3) : d).filter(otherCategories::contains)
                .distinct().toList();
    }

    private void record(ClaimSettled c, String rule, List<String> related, Money amountAtRisk, String evidence) {
        record(new Subject(c.settlementId(), c.personId(), c.institutionCode(), c.regionCode(), c.year()), rule, related,
                amountAtRisk, evidence);
    }

    /** The claim a finding is about. */
    private record Subject(String settlementId, String personId, String institution, String regionCode, int year) {
    }

    /** Stores a finding once per rule and claim and announces it; false when it was already known. */
    private boolean record(Subject s, String rule, List<String> related, Money amountAtRisk, String evidence) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.update("""
                        insert into violation (violation_id, rule, settlement_id, related, person_id, institution, amount_at_risk, evidence)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (rule, settlement_id) do nothing""",
                id, rule, s.settlementId(), String.join(",", related), s.personId(), s.institution(), amountAtRisk.amount(),
                evidence);
        if (inserted == 0) {
            return false; // a second finding of the same rule on the same claim adds nothing
        }
        List<String> ids = new ArrayList<>(List.of(s.settlementId()));
        ids.addAll(related);
        outbox.append(new ViolationDetected(id.toString(), rule, ids, s.personId(), s.institution(), s.regionCode(), s.year(),
                amountAtRisk, List.of(evidence), clock.instant()));
        meters.counter("yibao.supervision.violations", "rule", rule).increment();
        return true;
    }

}
