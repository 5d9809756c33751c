package org.yibao.clearing.budget;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** Budgets (table {@code budget}). */
@Repository
class BudgetStore {

    private final JdbcClient jdbc;

    BudgetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the versions of one institution's year and scheme. */
    void lock(String institutionCode, int year, Scheme scheme) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('budget:' || ? || ':' || ? || ':' || ?))")
                .params(institutionCode, year, scheme.name()).query().singleValue();
    }

    /** Whether the institution's year-end clearing of the year was approved (table {@code year_end_clearing}). */
    boolean yearCleared(String institutionCode, int year) {
        return jdbc.sql("select exists (select 1 from year_end_clearing where institution_code = ? and year = ? and state = 'APPROVED')")
                .params(institutionCode, year).query(Boolean.class).single();
    }

    int latestVersion(String institutionCode, int year, Scheme scheme) {
        return jdbc.sql("select coalesce(max(version), 0) from budget where institution_code = ? and year = ? and scheme = ?")
                .params(institutionCode, year, scheme.name()).query(Integer.class).single();
    }

    void insert(Budget b) {
        jdbc.sql("""
                        insert into budget (institution_code, year, scheme, version, annual_allocation, set_by, set_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(b.institutionCode(), b.year(), b.scheme().name(), b.version(), b.annualAllocation().amount(), b.setBy(),
                        Timestamp.from(b.setAt()))
                .update();
    }

    Optional<Budget> inForce(String institutionCode, int year, Scheme scheme) {
        return versions(institutionCode, year, scheme).stream().findFirst();
    }

    /**
     * The budgets in force of the year (each institution and scheme's highest version) of the institutions whose own
     * region matches {@code regionLike}, by institution code then scheme.
     */
    List<Budget> inForceInRegion(String regionLike, int year) {
        return jdbc.sql("""
                        select distinct on (b.institution_code, b.scheme)
                               b.institution_code, b.year, b.scheme, b.version, b.annual_allocation, b.set_by, b.set_at
                        from budget b join institution_region r on r.institution_code = b.institution_code
                        where b.year = ? and r.region_code like ?
                        order by b.institution_code, b.scheme, b.version desc""")
                .params(year, regionLike)
                .query((rs, n) -> new Budget(rs.getString(1), rs.getInt(2), Scheme.valueOf(rs.getString(3)), rs.getInt(4),
                        Money.of(rs.getBigDecimal(5)), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** Every version, the one in force first. */
    List<Budget> versions(String institutionCode, int year, Scheme scheme) {
        return jdbc.sql("""
                        select institution_code, year, scheme, version, annual_allocation, set_by, set_at from budget
                        where institution_code = ? and year = ? and scheme = ? order by version desc""")
                .params(institutionCode, year, scheme.name())
                .query((rs, n) -> new Budget(rs.getString(1), rs.getInt(2), Scheme.valueOf(rs.getString(3)), rs.getInt(4),
                        Money.of(rs.getBigDecimal(5)), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }
}
