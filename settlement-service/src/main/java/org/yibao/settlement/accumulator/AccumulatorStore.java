package org.yibao.settlement.accumulator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;
import org.yibao.settlement.adjudication.Accumulators;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Per person, scheme and year totals. A settlement or reversal takes the row lock first
 * ({@link #lock}), so concurrent bills of one person are applied one after the other and no update
 * is lost; bills of different people never wait for each other.
 */
@Repository
public class AccumulatorStore {

    private static final TypeReference<Map<String, String>> POOLS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AccumulatorStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Locks the person's row for the rest of the transaction (creating it if needed) and reads it: one
     * statement when the row exists (a person's second bill of the year on), three for the first.
     */
    public Accumulators lock(String personId, Scheme scheme, int year) {
        Optional<Accumulators> locked = jdbc.sql(SELECT + " for update").params(personId, scheme.name(), year)
                .query((rs, n) -> read(rs)).optional();
        if (locked.isPresent()) {
            return locked.get();
        }
        jdbc.sql("insert into accumulator (person_id, scheme, year) values (?, ?, ?) on conflict do nothing")
                .params(personId, scheme.name(), year).update();
        return jdbc.sql(SELECT + " for update").params(personId, scheme.name(), year)
                .query((rs, n) -> read(rs)).single();
    }

    /** The current totals without locking (for pre-settlement and queries). */
    public Accumulators current(String personId, Scheme scheme, int year) {
        return jdbc.sql(SELECT).params(personId, scheme.name(), year)
                .query((rs, n) -> read(rs)).optional().orElse(Accumulators.NONE);
    }

    public void save(String personId, Scheme scheme, int year, Accumulators a) {
        jdbc.sql("""
                        update accumulator set deductible_used = ?::jsonb, fund_paid = ?::jsonb, policy_scope_self_pay = ?,
                            catastrophic_paid = ?, supplementary_base = ?, supplementary_paid = ?, assistance_paid = ?,
                            updated_at = now()
                        where person_id = ? and scheme = ? and year = ?""")
                .params(pools(a.deductibleUsed()), pools(a.fundPaid()), a.policyScopeSelfPay().amount(),
                        a.catastrophicPaid().amount(), a.supplementaryBase().amount(), a.supplementaryPaid().amount(),
                        a.assistancePaid().amount(), personId, scheme.name(), year)
                .update();
    }

    private static final String SELECT = """
            select deductible_used, fund_paid, policy_scope_self_pay, catastrophic_paid, supplementary_base,
                   supplementary_paid, assistance_paid
            from accumulator where person_id = ? and scheme = ? and year = ?""";

    private Accumulators read(ResultSet rs) throws SQLException {
        return new Accumulators(pools(rs.getString(1)), pools(rs.getString(2)), Money.of(rs.getBigDecimal(3)),
                Money.of(rs.getBigDecimal(4)), Money.of(rs.getBigDecimal(5)), Money.of(rs.getBigDecimal(6)),
                Money.of(rs.getBigDecimal(7)));
    }

    private String pools(Map<String, Money> pools) {
        Map<String, String> plain = new TreeMap<>();
        pools.forEach((k, v) -> plain.put(k, v.toString()));
        return json.writeValueAsString(plain);
    }

    private Map<String, Money> pools(String text) {
        Map<String, Money> pools = new TreeMap<>();
        json.readValue(text, POOLS).forEach((k, v) -> pools.put(k, Money.of(v)));
        return pools;
    }
}
