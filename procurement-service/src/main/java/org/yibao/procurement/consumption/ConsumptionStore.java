package org.yibao.procurement.consumption;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.ClaimLine;

import java.sql.PreparedStatement;
import java.util.List;

/**
 * Consumption counted from settled claims (table consumption), and the sums a completion report
 * reads from it with the agreed volumes, products and purchases.
 */
@Repository
class ConsumptionStore {

    private final JdbcTemplate bulk;
    private final JdbcClient jdbc;

    ConsumptionStore(JdbcTemplate bulk, JdbcClient jdbc) {
        this.bulk = bulk;
        this.jdbc = jdbc;
    }

    /**
     * Counts a settled claim's lines of selected products and of same-generic items, in one set-based
     * statement (line numbers from 1, in the claim's order); lines already counted are left as they are.
     *
     * @return how many lines were counted now
     */
    int count(String settlementId, int year, String institution, List<ClaimLine> lines) {
        return bulk.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into consumption (settlement_id, line_no, year, institution, item_code, quantity)
                    select ?, n, ?, ?, code, q from unnest(?::varchar[], ?::numeric[]) with ordinality as u(code, q, n)
                    where code in (select item_code from product union select item_code from same_generic_item)
                    on conflict (settlement_id, line_no) do nothing""");
            ps.setString(1, settlementId);
            ps.setInt(2, year);
            ps.setString(3, institution);
            ps.setArray(4, con.createArrayOf("varchar", lines.stream().map(ClaimLine::itemCode).toArray()));
            ps.setArray(5, con.createArrayOf("numeric", lines.stream().map(ClaimLine::quantity).toArray()));
            return ps;
        });
    }

    /** Takes a claim's lines out of the counts. */
    void reverse(String settlementId) {
        jdbc.sql("update consumption set reversed = true where settlement_id = ?").param(settlementId).update();
    }

    /** Each institution's agreed volume of each of the batch's products in the year, with what it used and bought, by institution and item code. */
    List<VolumeUse> volumeUse(String batchId, int year) {
        return jdbc.sql("""
                        select v.institution, p.item_code, p.generic_name, v.volume,
                               coalesce((select sum(quantity) from consumption c where c.year = v.year and c.institution = v.institution
                                         and c.item_code = p.item_code and not c.reversed), 0) as consumed,
                               coalesce((select sum(c.quantity) from consumption c join same_generic_item g on g.item_code = c.item_code
                                         where c.year = v.year and c.institution = v.institution and g.generic_name = p.generic_name
                                           and not c.reversed), 0) as other,
                               p.previous_price - p.winning_price as saving_per_unit,
                               coalesce((select sum(quantity) from purchase u where u.year = v.year and u.institution = v.institution
                                         and u.item_code = p.item_code), 0) as purchased
                        from agreed_volume v join product p on p.item_code = v.item_code
                        where p.batch_id = ? and v.year = ? order by v.institution, p.item_code""")
                .params(batchId, year)
                .query((rs, n) -> new VolumeUse(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8)))
                .list();
    }
}
