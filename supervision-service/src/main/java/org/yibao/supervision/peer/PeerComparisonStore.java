package org.yibao.supervision.peer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.InstitutionLevel;

import java.time.LocalDate;
import java.util.List;

/**
 * All SQL of the peer comparison: one pass over the kept claims of a period, per hospital. Reversed
 * claims are left out; so are pharmacies and clinics (only {@code kind = 'HOSPITAL'}) and claims of an
 * institution supervision has no record of (its level is unknown).
 */
@Repository
class PeerComparisonStore {

    /*
     * A claim's drug amount and laboratory lines are its own columns (ClaimSettled v2); for a claim kept
     * before them (null) they are counted from its kept lines, and when it has neither the claim is left
     * out of that metric (not counted as zero). A stay's admission and discharge are its admitted_at and
     * discharged_at, else its service date; a stay is readmitted when another (not reversed) stay of the
     * person, at any institution, is admitted at or after its discharge and at most 30 days after it (by
     * date), the later of two same-day stays without times being the readmission. A readmission for a
     * planned treatment session (ICD-10 Z51: chemotherapy, radiotherapy) or through the emergency
     * department is not counted: oncology centres and emergency hospitals would otherwise stand out for
     * their case-mix.
     */
    private static final String FIGURES = """
            with claim as (
                select c.settlement_id, c.person_id, c.institution, i.region_code, i.level, c.visit_type, c.total,
                       c.drug_amount, c.test_lines,
                       coalesce(c.admitted_at, c.service_date::timestamp) as admitted,
                       coalesce(c.discharged_at, c.service_date::timestamp) as discharged
                from audited_claim c join institution i on i.code = c.institution
                where not c.reversed and i.kind = 'HOSPITAL' and i.region_code like :prefecture
                  and c.service_date >= :from and c.service_date < :until
            ), line as (
                select l.settlement_id,
                       coalesce(sum(l.amount) filter (where l.category = 'DRUG'), 0) as drug_amount,
                       count(*) filter (where l.item_code like 'S25%') as test_lines
                from audited_line l
                where l.settlement_id in (select settlement_id from claim where drug_amount is null or test_lines is null)
                group by l.settlement_id
            ), fact as (
                select c.institution, c.region_code, c.level, c.visit_type, c.total,
                       coalesce(c.drug_amount, l.drug_amount) as drugs,
                       coalesce(c.test_lines, l.test_lines) as tests,
                       c.visit_type = 'INPATIENT' and exists (
                           select 1 from audited_claim n
                           where n.person_id = c.person_id and n.visit_type = 'INPATIENT' and not n.reversed
                             and n.settlement_id <> c.settlement_id
                             and n.diagnosis_codes !~ '(^|,)Z51'
                             and not n.emergency
                             and coalesce(n.admitted_at, n.service_date::timestamp) >= c.discharged
                             and coalesce(n.admitted_at, n.service_date::timestamp)::date <= c.discharged::date + 30
                             and (coalesce(n.admitted_at, n.service_date::timestamp) > c.admitted
                                  or n.settlement_id > c.settlement_id)) as readmitted
                from claim c left join line l on l.settlement_id = c.settlement_id
            )
            select institution, region_code, level,
                   count(*) as claims,
                   count(*) filter (where visit_type in ('GENERAL_OUTPATIENT', 'CHRONIC_OUTPATIENT')) as outpatient_claims,
                   coalesce(sum(total) filter (where visit_type in ('GENERAL_OUTPATIENT', 'CHRONIC_OUTPATIENT')), 0) as outpatient_total,
                   count(*) filter (where visit_type = 'INPATIENT') as inpatient_claims,
                   coalesce(sum(total) filter (where visit_type = 'INPATIENT'), 0) as inpatient_total,
                   count(tests) as tested_claims,
                   coalesce(sum(tests), 0) as test_lines,
                   count(drugs) as drug_known_claims,
                   coalesce(sum(total) filter (where drugs is not null), 0) as drug_known_total,
                   coalesce(sum(drugs), 0) as drug_amount,
                   count(*) filter (where readmitted) as readmitted_stays
            from fact
            group by institution, region_code, level
            order by institution""";

    private final JdbcClient jdbc;

    PeerComparisonStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Each hospital's figures over the claims served from {@code from} (inclusive) to {@code until}
     * (exclusive), of the hospitals in the prefecture (or all, when null).
     */
    List<InstitutionFigures> figures(LocalDate from, LocalDate until, String prefecture) {
        return jdbc.sql(FIGURES)
                .param("prefecture", prefecture == null ? "%" : prefecture.substring(0, 4) + "%")
                .param("from", from)
                .param("until", until)
                .query((rs, n) -> new InstitutionFigures(rs.getString("institution"), rs.getString("region_code"),
                        InstitutionLevel.valueOf(rs.getString("level")), rs.getLong("claims"),
                        rs.getLong("outpatient_claims"), rs.getBigDecimal("outpatient_total"),
                        rs.getLong("inpatient_claims"), rs.getBigDecimal("inpatient_total"),
                        rs.getLong("tested_claims"), rs.getLong("test_lines"),
                        rs.getLong("drug_known_claims"), rs.getBigDecimal("drug_known_total"), rs.getBigDecimal("drug_amount"),
                        rs.getLong("readmitted_stays")))
                .list();
    }
}
