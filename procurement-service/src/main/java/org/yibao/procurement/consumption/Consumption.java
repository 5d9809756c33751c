package org.yibao.procurement.consumption;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.yibao.contracts.events.ClaimLine;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;

import java.sql.PreparedStatement;
import java.util.List;

/**
 * Counts what institutions use of the selected products (and of other items of the same generics)
 * from settled claims, one set-based statement per claim; a reversal takes its claim's lines out
 * again. Runs in the consumer's transaction, which records the event as processed: exactly once.
 */
@Service
public class Consumption {

    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;

    Consumption(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
    }

    public void settled(ClaimSettled c) {
        List<ClaimLine> lines = c.lines();
        if (lines.isEmpty()) {
            return;
        }
        int counted = jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into consumption (settlement_id, line_no, year, institution, item_code, quantity)
                    select ?, n, ?, ?, code, q from unnest(?::varchar[], ?::numeric[]) with ordinality as u(code, q, n)
                    where code in (select item_code from product union select item_code from same_generic_item)
                    on conflict (settlement_id, line_no) do nothing""");
            ps.setString(1, c.settlementId());
            ps.setInt(2, c.year());
            ps.setString(3, c.institutionCode());
            ps.setArray(4, con.createArrayOf("varchar", lines.stream().map(ClaimLine::itemCode).toArray()));
            ps.setArray(5, con.createArrayOf("numeric", lines.stream().map(ClaimLine::quantity).toArray()));
            return ps;
        });
        meters.counter("yibao.procurement.consumption.lines").increment(counted);
    }

    public void reversed(ClaimReversed r) {
        jdbc.update("update consumption set reversed = true where settlement_id = ?", r.settlementId());
    }
}
