package org.yibao.casemix.dip;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** DIP tables and their groups (tables {@code dip_table}, {@code dip_group}). */
@Repository
class DipStore {

    private final JdbcClient jdbc;

    DipStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void lock(String region, int year) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('dip-table:' || ? || ':' || ?))").params(region, year).query().singleValue();
    }

    int versions(String region, int year) {
        return jdbc.sql("select count(*) from dip_table where region_code = ? and year = ?").params(region, year).query(Integer.class).single();
    }

    void insert(DipTable t) {
        jdbc.sql("""
                        insert into dip_table (table_id, region_code, year, basis_from, basis_to, cases, overall_mean, point_scale, min_cases,
                            built_by, built_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.tableId(), t.regionCode(), t.year(), t.basisFrom(), t.basisTo(), t.cases(), t.overallMean(), t.pointScale(),
                        t.minCases(), t.builtBy(), Timestamp.from(t.builtAt()))
                .update();
        for (DipGroup g : t.groups()) {
            jdbc.sql("""
                            insert into dip_group (table_id, group_code, category, procedure, kind, cases, mean_cost, points)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(t.tableId(), g.code(), g.category(), g.procedure(), g.kind().name(), g.cases(), g.meanCost(), g.points())
                    .update();
        }
    }

    /**
     * A DIP table's history summed by key in the database: per main diagnosis category and main procedure, the passed lists
     * of the region discharged in the period whose stays were not reversed, and their stays' total cost.
     */
    List<DipTableBuilder.KeySum> historySums(String regionLike, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select substr(l.main_diagnosis, 1, 3),
                               (select p ->> 'code' from jsonb_array_elements(l.procedures::jsonb) p where (p ->> 'main')::boolean limit 1),
                               count(*), sum(c.total)
                        from settlement_list l
                        join inpatient_case c on c.settlement_id = l.settlement_id and c.institution_code = l.institution_code
                            and not c.reversed and c.total > 0
                        join institution i on i.institution_code = l.institution_code
                        where i.region_code like ? and l.discharge_date between ? and ? and l.state = 'PASSED'
                        group by 1, 2""")
                .params(regionLike, from, to)
                .query((rs, n) -> new DipTableBuilder.KeySum(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)))
                .list();
    }

    Optional<DipTable> find(String tableId) {
        List<DipGroup> groups = jdbc.sql("""
                        select group_code, category, procedure, kind, cases, mean_cost, points from dip_group where table_id = ?
                        order by group_code""")
                .param(tableId)
                .query((rs, n) -> new DipGroup(rs.getString(1), rs.getString(2), rs.getString(3), DipGroup.Kind.valueOf(rs.getString(4)),
                        rs.getInt(5), rs.getBigDecimal(6), rs.getBigDecimal(7)))
                .list();
        return jdbc.sql("""
                        select table_id, region_code, year, basis_from, basis_to, cases, overall_mean, point_scale, min_cases, built_by, built_at
                        from dip_table where table_id = ?""")
                .param(tableId)
                .query((rs, n) -> new DipTable(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getInt(9), groups,
                        rs.getString(10), rs.getTimestamp(11).toInstant()))
                .optional();
    }
}
