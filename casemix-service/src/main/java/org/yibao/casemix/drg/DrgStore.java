package org.yibao.casemix.drg;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** DRG weight tables and their weights (tables {@code drg_weight_table}, {@code drg_weight}). */
@Repository
class DrgStore {

    private final JdbcClient jdbc;

    DrgStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void lock(String region, int year) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('drg-weights:' || ? || ':' || ?))").params(region, year).query().singleValue();
    }

    int versions(String region, int year) {
        return jdbc.sql("select count(*) from drg_weight_table where region_code = ? and year = ?").params(region, year)
                .query(Integer.class).single();
    }

    void insert(DrgWeightTable t) {
        jdbc.sql("""
                        insert into drg_weight_table (weights_id, region_code, year, basis_from, basis_to, edition, cases, ungroupable,
                            overall_mean, min_cases, base_rate, built_by, built_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.weightsId(), t.regionCode(), t.year(), t.basisFrom(), t.basisTo(), t.edition(), t.cases(), t.ungroupable(),
                        t.overallMean(), t.minCases(), t.baseRate(), t.builtBy(), Timestamp.from(t.builtAt()))
                .update();
        for (DrgWeight w : t.weights()) {
            jdbc.sql("""
                            insert into drg_weight (weights_id, drg, adrg, cases, basis, mean_cost, weight)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(t.weightsId(), w.drg(), w.adrg(), w.cases(), w.basis().name(), w.meanCost(), w.weight())
                    .update();
        }
    }

    Optional<DrgWeightTable> find(String weightsId) {
        List<DrgWeight> weights = jdbc.sql("""
                        select drg, adrg, cases, basis, mean_cost, weight from drg_weight where weights_id = ? order by drg""")
                .param(weightsId)
                .query((rs, n) -> new DrgWeight(rs.getString(1), rs.getString(2), rs.getInt(3), DrgWeight.Basis.valueOf(rs.getString(4)),
                        rs.getBigDecimal(5), rs.getBigDecimal(6)))
                .list();
        return jdbc.sql("""
                        select weights_id, region_code, year, basis_from, basis_to, edition, cases, ungroupable, overall_mean, min_cases,
                               base_rate, built_by, built_at
                        from drg_weight_table where weights_id = ?""")
                .param(weightsId)
                .query((rs, n) -> new DrgWeightTable(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getBigDecimal(9), rs.getInt(10),
                        rs.getBigDecimal(11), weights, rs.getString(12), rs.getTimestamp(13).toInstant()))
                .optional();
    }
}
