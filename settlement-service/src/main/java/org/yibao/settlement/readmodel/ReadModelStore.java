package org.yibao.settlement.readmodel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.CertificationStatus;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.VbpCatalogPublished;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All SQL of settlement's local copies of other services' facts (read models), written only from the
 * events {@link ReadModelService} applies and read when a bill is settled.
 */
@Repository
public class ReadModelStore {

    private final JdbcClient jdbc;

    public ReadModelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the enrollment's facts from the period's first day on, until the next period (a later
     * announcement for the same day replaces it).
     */
    public void upsertEnrollment(Enrollment e) {
        jdbc.sql("""
                        insert into enrollment_period (person_id, year, valid_from, scheme, person_type, tier, region_code, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (person_id, valid_from) do update set scheme = excluded.scheme,
                            person_type = excluded.person_type, tier = excluded.tier, region_code = excluded.region_code,
                            status = excluded.status, updated_at = now()""")
                .params(e.personId(), e.year(), e.effectiveFrom(), e.scheme().name(), e.personType().name(),
                        e.tier().map(Enum::name).orElse(null), e.regionCode(), e.status().name())
                .update();
    }

    /**
     * The person's enrollment facts in force on a date: the period of that year begun last on or before
     * it, whatever its status (see {@link Enrollment#coversDate}); empty before the year's first period.
     */
    public Optional<Enrollment> enrollmentOn(String personId, LocalDate on) {
        return jdbc.sql("""
                        select person_id, year, scheme, person_type, tier, region_code, status, valid_from
                        from enrollment_period where person_id = ? and year = ? and valid_from <= ?
                        order by valid_from desc limit 1""")
                .params(personId, on.getYear(), on)
                .query(ReadModelStore::enrollment)
                .optional();
    }

    /**
     * What a bill needs of its person on the service date, in one statement: the enrollment in force (as
     * {@link #enrollmentOn}), the assistance category (as {@link #assistanceCategory}) and the diseases of
     * the certifications in force (as {@link #certificationsInForce}, each once); empty when the person has
     * no enrollment period begun by then that year.
     */
    public Optional<PersonOn> personOn(String personId, LocalDate on) {
        return jdbc.sql("""
                        select e.person_id, e.year, e.scheme, e.person_type, e.tier, e.region_code, e.status, e.valid_from,
                               (select a.category from assistance_identity_period a
                                where a.person_id = e.person_id and a.valid_from <= ? and (a.valid_to is null or a.valid_to >= ?)
                                order by a.valid_from desc limit 1),
                               array(select distinct c.disease_code from certification c
                                     where c.person_id = e.person_id and c.approved and c.status in (?, ?) and c.valid_from <= ?
                                       and (c.valid_to is null or c.valid_to >= ?))
                        from enrollment_period e where e.person_id = ? and e.year = ? and e.valid_from <= ?
                        order by e.valid_from desc limit 1""")
                .params(on, on, CertificationStatus.APPROVED.name(), CertificationStatus.REVOKED.name(), on, on,
                        personId, on.getYear(), on)
                .query((rs, n) -> new PersonOn(enrollment(rs, n),
                        Optional.ofNullable(rs.getString(9)).map(AssistanceCategory::valueOf),
                        List.of((String[]) rs.getArray(10).getArray())))
                .optional();
    }

    /**
     * A person's facts on a date, as a bill is settled by them.
     *
     * @param certifiedDiseases the disease codes of the chronic/special-disease certifications (门慢门特) in force, each once
     */
    public record PersonOn(Enrollment enrollment, Optional<AssistanceCategory> category, List<String> certifiedDiseases) {
    }

    /** The person's enrollment as it stands at the end of a year (its last period); empty when not enrolled that year. */
    public Optional<Enrollment> enrollmentOfYear(String personId, int year) {
        return jdbc.sql("""
                        select person_id, year, scheme, person_type, tier, region_code, status, valid_from
                        from enrollment_period where person_id = ? and year = ?
                        order by valid_from desc limit 1""")
                .params(personId, year)
                .query(ReadModelStore::enrollment)
                .optional();
    }

    private static Enrollment enrollment(ResultSet rs, int n) throws SQLException {
        return new Enrollment(rs.getString(1), rs.getInt(2), Scheme.valueOf(rs.getString(3)),
                PersonType.valueOf(rs.getString(4)), Optional.ofNullable(rs.getString(5)).map(EmploymentTier::valueOf),
                rs.getString(6), EnrollmentStatus.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class));
    }

    /**
     * Records an assistance identity announced from a date (the latest announcement wins for the dates
     * it covers): periods beginning on or after {@code from} are dropped, one running over it ends the
     * day before, and the new one is kept unless the category is null (no identity from that date).
     */
    public void recordAssistanceIdentity(String personId, AssistanceCategory category, LocalDate from, LocalDate validTo) {
        jdbc.sql("delete from assistance_identity_period where person_id = ? and valid_from >= ?")
                .params(personId, from)
                .update();
        jdbc.sql("""
                        update assistance_identity_period set valid_to = ?, updated_at = now()
                        where person_id = ? and valid_from < ? and (valid_to is null or valid_to >= ?)""")
                .params(from.minusDays(1), personId, from, from)
                .update();
        if (category != null && (validTo == null || !validTo.isBefore(from))) {
            jdbc.sql("insert into assistance_identity_period (person_id, valid_from, valid_to, category) values (?, ?, ?, ?)")
                    .params(personId, from, validTo, category.name())
                    .update();
        }
    }

    /** The person's assistance category in force on a date, if any. */
    public Optional<AssistanceCategory> assistanceCategory(String personId, LocalDate on) {
        return jdbc.sql("""
                        select category from assistance_identity_period
                        where person_id = ? and valid_from <= ? and (valid_to is null or valid_to >= ?)
                        order by valid_from desc limit 1""")
                .params(personId, on, on)
                .query((rs, n) -> AssistanceCategory.valueOf(rs.getString(1)))
                .optional();
    }

    /** Records the institution's facts and agreement status from the day they took effect, until the next change. */
    public void upsertInstitution(Institution i, LocalDate from) {
        jdbc.sql("""
                        insert into institution_period (code, valid_from, name, region_code, kind, level, status)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (code, valid_from) do update set name = excluded.name, region_code = excluded.region_code,
                            kind = excluded.kind, level = excluded.level, status = excluded.status, updated_at = now()""")
                .params(i.code(), from, i.name(), i.regionCode(), i.kind().name(), i.level().name(), i.status().name())
                .update();
    }

    /** One period of an institution's facts, from the day they took effect until the next period. */
    public record InstitutionPeriod(LocalDate validFrom, Institution institution) {
    }

    /** Every period of an institution's facts, in no order; empty when it was never announced. */
    public List<InstitutionPeriod> institutionPeriods(String code) {
        return jdbc.sql("select code, name, region_code, kind, level, status, valid_from from institution_period where code = ?")
                .param(code)
                .query((rs, n) -> new InstitutionPeriod(rs.getObject(7, LocalDate.class), institution(rs, n)))
                .list();
    }

    private static Institution institution(ResultSet rs, int n) throws SQLException {
        return new Institution(rs.getString(1), rs.getString(2), rs.getString(3),
                InstitutionKind.valueOf(rs.getString(4)), InstitutionLevel.valueOf(rs.getString(5)),
                AgreementStatus.valueOf(rs.getString(6)));
    }

    public void upsertFiling(RemoteFiling f) {
        jdbc.sql("""
                        insert into remote_filing (filing_id, person_id, destination_region, valid_from, valid_to, status)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (filing_id) do update set destination_region = excluded.destination_region,
                            valid_from = excluded.valid_from, valid_to = excluded.valid_to, updated_at = now()""")
                .params(f.filingId(), f.personId(), f.destinationRegion(), f.validFrom(), f.validTo().orElse(null),
                        RemoteFiling.Status.ACTIVE.name())
                .update();
    }

    /** Ends a filing's period at its last day; a filing not known (yet) is left alone. */
    public void cancelFiling(String filingId, LocalDate lastDay) {
        jdbc.sql("""
                        update remote_filing set status = ?, updated_at = now(),
                            valid_to = case when valid_to is null or valid_to > ? then ? else valid_to end
                        where filing_id = ?""")
                .params(RemoteFiling.Status.CANCELLED.name(), lastDay, lastDay, filingId)
                .update();
    }

    /** The person's filings that are in force on a date. */
    public List<RemoteFiling> filingsInForce(String personId, LocalDate on) {
        return jdbc.sql("""
                        select filing_id, person_id, destination_region, valid_from, valid_to from remote_filing
                        where person_id = ? and valid_from <= ? and (valid_to is null or valid_to >= ?)""")
                .params(personId, on, on)
                .query((rs, n) -> new RemoteFiling(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), Optional.ofNullable(rs.getObject(5, LocalDate.class))))
                .list();
    }

    public void upsertCertification(Certification c) {
        jdbc.sql("""
                        insert into certification (certification_id, person_id, disease_code, disease_name, status,
                            valid_from, valid_to, approved) values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (certification_id) do update set disease_code = excluded.disease_code,
                            disease_name = excluded.disease_name, status = excluded.status,
                            valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                            approved = certification.approved or excluded.approved, updated_at = now()""")
                .params(c.certificationId(), c.personId(), c.diseaseCode(), c.diseaseName(), c.status().name(),
                        c.validFrom(), c.validTo().orElse(null), c.status() == CertificationStatus.APPROVED)
                .update();
    }

    /**
     * The person's certifications in force on a date: approved and valid then — also one revoked since,
     * for the days before its revocation (its validity ends the day before).
     */
    public List<Certification> certificationsInForce(String personId, LocalDate on) {
        return jdbc.sql("""
                        select certification_id, person_id, disease_code, disease_name, status, valid_from, valid_to
                        from certification
                        where person_id = ? and approved and status in (?, ?) and valid_from <= ?
                          and (valid_to is null or valid_to >= ?)""")
                .params(personId, CertificationStatus.APPROVED.name(), CertificationStatus.REVOKED.name(), on, on)
                .query((rs, n) -> new Certification(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        CertificationStatus.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class),
                        Optional.ofNullable(rs.getObject(7, LocalDate.class))))
                .list();
    }

    /**
     * Replaces a recommended catalog's items with a newer version's. Returns false, changing nothing,
     * when the version is not newer than the one held (a late or repeated publication).
     */
    public boolean publishCatalog(VbpCatalogPublished c) {
        int changed = jdbc.sql("""
                        insert into vbp_catalog (catalog_code, version, name, region_code, effective_from)
                        values (?, ?, ?, ?, ?)
                        on conflict (catalog_code) do update set version = excluded.version, name = excluded.name,
                            region_code = excluded.region_code, effective_from = excluded.effective_from, updated_at = now()
                        where vbp_catalog.version < excluded.version""")
                .params(c.catalogCode(), c.version(), c.name(), c.regionCode(), c.effectiveFrom())
                .update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("delete from vbp_catalog_item where catalog_code = ?").param(c.catalogCode()).update();
        Set<String> seen = new HashSet<>();
        for (VbpCatalogPublished.Item item : c.items()) {
            if (seen.add(item.itemCode())) {
                jdbc.sql("insert into vbp_catalog_item (catalog_code, item_code, generic_name) values (?, ?, ?)")
                        .params(c.catalogCode(), item.itemCode(), item.genericName())
                        .update();
            }
        }
        return true;
    }

    /** For each of the item codes that is on a recommended catalog in force on a date, the catalogs it is on. */
    public Map<String, Set<String>> catalogsOf(Collection<String> itemCodes, LocalDate on) {
        Map<String, Set<String>> byItem = new HashMap<>();
        if (itemCodes.isEmpty()) {
            return byItem;
        }
        jdbc.sql("""
                        select i.item_code, i.catalog_code from vbp_catalog_item i
                        join vbp_catalog c on c.catalog_code = i.catalog_code
                        where i.item_code = any(?) and c.effective_from <= ?""")
                .params(itemCodes.toArray(String[]::new), on)
                .query(rs -> {
                    byItem.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                });
        return byItem;
    }
}
