package org.yibao.enrollment.enrollment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The enrollments per person and year (table {@code enrollment}). */
@Repository
public class EnrollmentStore {

    private final JdbcClient jdbc;

    EnrollmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts an enrollment; false (nothing changed) when the person already holds one for the year. */
    public boolean insert(Enrollment e) {
        return jdbc.sql("""
                        insert into enrollment (person_id, year, scheme, person_type, tier, region_code, status, effective_from,
                            contribution, subsidy, subsidy_category, source)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (person_id, year) do nothing""")
                .params(e.personId(), e.year(), e.scheme().name(), e.personType().name(), e.tier().map(Enum::name).orElse(null),
                        e.regionCode(), e.status().name(), e.effectiveFrom(), e.contribution().amount(), e.subsidy().amount(),
                        e.subsidyCategory().map(Enum::name).orElse(null), e.source())
                .update() == 1;
    }

    public void update(Enrollment e) {
        jdbc.sql("""
                        update enrollment set person_type = ?, tier = ?, status = ?, effective_from = ?, subsidy = ?,
                            subsidy_category = ?, updated_at = now()
                        where person_id = ? and year = ?""")
                .params(e.personType().name(), e.tier().map(Enum::name).orElse(null), e.status().name(), e.effectiveFrom(),
                        e.subsidy().amount(), e.subsidyCategory().map(Enum::name).orElse(null), e.personId(), e.year())
                .update();
    }

    /** Records the facts from a period's first day on (a period already beginning that day is replaced). */
    public void savePeriod(String personId, int year, EnrollmentPeriod p) {
        jdbc.sql("""
                        insert into enrollment_period (person_id, year, valid_from, person_type, tier, status, reason)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (person_id, year, valid_from) do update set person_type = excluded.person_type,
                            tier = excluded.tier, status = excluded.status, reason = excluded.reason, recorded_at = now()""")
                .params(personId, year, p.validFrom(), p.personType().name(), p.tier().map(Enum::name).orElse(null),
                        p.status().name(), p.reason())
                .update();
    }

    /** The enrollment's periods, in the order they took effect. */
    public List<EnrollmentPeriod> periods(String personId, int year) {
        return jdbc.sql("""
                        select valid_from, person_type, tier, status, reason from enrollment_period
                        where person_id = ? and year = ? order by valid_from""")
                .params(personId, year)
                .query((rs, n) -> new EnrollmentPeriod(rs.getObject(1, LocalDate.class), PersonType.valueOf(rs.getString(2)),
                        Optional.ofNullable(rs.getString(3)).map(EmploymentTier::valueOf), EnrollmentStatus.valueOf(rs.getString(4)),
                        rs.getString(5)))
                .list();
    }

    /**
     * The enrollment of a year with the facts (person type, tier, status) in force on a day: the period begun last by
     * then, or the first period when the day is before the enrollment began (a year not begun yet).
     */
    public Optional<Enrollment> find(String personId, int year, LocalDate on) {
        return jdbc.sql(AS_OF + " where e.person_id = ? and e.year = ?").params(on, on, personId, year)
                .query(EnrollmentStore::read).optional();
    }

    /** Reads and locks the enrollment for the rest of the transaction. */
    public Optional<Enrollment> lock(String personId, int year) {
        return jdbc.sql(SELECT + " where person_id = ? and year = ? for update").params(personId, year)
                .query(EnrollmentStore::read).optional();
    }

    /**
     * The person's enrollments, each with the facts in force on a day: {@code on} for its own year, the year's last
     * period for a year gone by, its first for a year to come.
     */
    public List<Enrollment> ofPerson(String personId, LocalDate on) {
        return jdbc.sql(AS_OF.replace("?", "least(?, make_date(e.year, 12, 31))") + " where e.person_id = ? order by e.year")
                .params(on, on, personId).query(EnrollmentStore::read).list();
    }

    /** The enrollment row with the facts of the period in force on a day (the two parameters: that day). */
    private static final String AS_OF = """
            select e.person_id, e.year, e.scheme, p.person_type, p.tier, e.region_code, p.status, e.effective_from, e.contribution,
                   e.subsidy, e.subsidy_category, e.source
            from enrollment e
            join lateral (select person_type, tier, status from enrollment_period p
                          where p.person_id = e.person_id and p.year = e.year
                          order by (p.valid_from <= ?) desc, case when p.valid_from <= ? then p.valid_from end desc nulls last,
                                   p.valid_from
                          limit 1) p on true""";

    private static final String SELECT = """
            select person_id, year, scheme, person_type, tier, region_code, status, effective_from, contribution, subsidy,
                   subsidy_category, source from enrollment""";

    private static Enrollment read(ResultSet rs, int n) throws SQLException {
        return new Enrollment(rs.getString(1), rs.getInt(2), Scheme.valueOf(rs.getString(3)), PersonType.valueOf(rs.getString(4)),
                Optional.ofNullable(rs.getString(5)).map(EmploymentTier::valueOf), rs.getString(6),
                EnrollmentStatus.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class), Money.of(rs.getBigDecimal(9)),
                Money.of(rs.getBigDecimal(10)), Optional.ofNullable(rs.getString(11)).map(AssistanceCategory::valueOf),
                rs.getString(12));
    }
}
