package org.yibao.assistance.tracking;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.AssistanceLimit;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;

/**
 * All SQL of claim tracking: each settled claim as ClaimSettled told it (with the person's
 * assistance category at the time), and each person's year (assistance received, personal payment,
 * the annual assistance limit settlement last applied).
 */
@Repository
public class ClaimStore {

    private final JdbcClient jdbc;

    ClaimStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The person's latest claim of the year still standing (not reversed), by service date, then by
     * when it was settled: its category and annual assistance limit are the ones in force for the person.
     */
    private static String latestStandingClaim(String person, String year) {
        return """
                select c.limit_category, c.annual_limit from claim c
                where c.person_id = %s and c.year = %s and c.reversed_at is null
                order by c.service_date desc nulls last, c.settled_at desc limit 1""".formatted(person, year);
    }

    /**
     * A person's year so far.
     *
     * @param currentCategory the person's merged identity's category if its period touches the year, else null
     * @param limitCategory the category settlement applied the limit for, on the latest standing claim
     * @param annualLimit   the limit settlement applied on the person's latest standing claim of the year;
     *                      null when that claim carried none (no category, or a pack without assistance)
     */
    record PersonYear(AssistanceCategory currentCategory, Money total, Money assistance, Money personalPayment,
                      AssistanceCategory limitCategory, Money annualLimit) {
    }

    /** One line of the report by category (NONE for people without one). */
    record CategoryTotals(String category, long personTimes, long persons, Money assistance, Money total,
                          Money policyScope, Money fundsPaid) {
    }

    /** A low-income person whose assistance reached the limit settlement applied, and who still pays. */
    record Tilted(String personId, AssistanceCategory category, Money assistance, Money annualLimit, Money personalPayment) {
    }

    /**
     * Records a settled claim once, with the annual assistance limit settlement applied to it (if
     * any); false when it was already recorded.
     */
    boolean insert(ClaimSettled e) {
        SettlementAmounts a = e.amounts();
        AssistanceLimit limit = e.assistanceLimit();
        return jdbc.sql("""
                        insert into claim (settlement_id, person_id, region_code, year, category, total, policy_scope,
                            basic_fund, catastrophic, supplementary, assistance, personal_account, cash, settled_at,
                            service_date, limit_category, annual_limit)
                        select ?, ?, ?, ?, (select category from person_identity where person_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?,
                            ?, ?, ?
                        on conflict (settlement_id) do nothing""")
                .params(e.settlementId(), e.personId(), e.regionCode(), e.year(), e.personId(), a.total().amount(),
                        a.policyScope().amount(), a.basicFund().amount(), a.catastrophic().amount(), a.supplementary().amount(),
                        a.assistance().amount(), a.personalAccount().amount(), a.cash().amount(), Timestamp.from(e.settledAt()),
                        e.serviceDate(), limit == null ? null : limit.category().name(),
                        limit == null ? null : limit.annualLimit().amount())
                .update() == 1;
    }

    /** Marks a claim reversed once; false when it is unknown or already reversed. */
    boolean markReversed(ClaimReversed e) {
        return jdbc.sql("update claim set reversed_at = ? where settlement_id = ? and reversed_at is null")
                .params(Timestamp.from(e.reversedAt()), e.settlementId()).update() == 1;
    }

    /** Adds a claim's amounts to the person's year ({@code sign} -1 takes a reversed claim's away). */
    void addToYear(String personId, int year, String region, SettlementAmounts a, int sign) {
        BigDecimal s = BigDecimal.valueOf(sign);
        jdbc.sql("""
                        insert into person_year (person_id, year, region_code, total, assistance, personal_payment)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (person_id, year) do update set total = person_year.total + excluded.total,
                            assistance = person_year.assistance + excluded.assistance,
                            personal_payment = person_year.personal_payment + excluded.personal_payment""")
                .params(personId, year, region, a.total().amount().multiply(s), a.assistance().amount().multiply(s),
                        a.personalPayment().amount().multiply(s))
                .update();
    }

    PersonYear personYear(String personId, int year) {
        return jdbc.sql("""
                        select (select category from person_identity where person_id = ?
                                  and (valid_from is null or valid_from <= make_date(?, 12, 31))
                                  and (valid_to is null or valid_to >= make_date(?, 1, 1))), coalesce(py.total, 0),
                               coalesce(py.assistance, 0), coalesce(py.personal_payment, 0), latest.limit_category,
                               latest.annual_limit
                        from (select 1) one
                        left join person_year py on py.person_id = ? and py.year = ?
                        left join lateral (%s) latest on true""".formatted(latestStandingClaim("?", "?")))
                .params(personId, year, year, personId, year, personId, year)
                .query((rs, n) -> new PersonYear(category(rs.getString(1)), Money.of(rs.getBigDecimal(2)),
                        Money.of(rs.getBigDecimal(3)), Money.of(rs.getBigDecimal(4)), category(rs.getString(5)),
                        rs.getBigDecimal(6) == null ? null : Money.of(rs.getBigDecimal(6))))
                .single();
    }

    /** Claims of the year not reversed, by the category the person had when the claim was recorded. */
    List<CategoryTotals> totalsByCategory(int year, String regionLikePattern) {
        return jdbc.sql("""
                        select coalesce(category, 'NONE'), count(*) filter (where assistance > 0), count(distinct person_id),
                               sum(assistance), sum(total), sum(policy_scope),
                               sum(basic_fund + catastrophic + supplementary + assistance)
                        from claim where year = ? and reversed_at is null and region_code like ?
                        group by 1 order by 1""")
                .params(year, regionLikePattern)
                .query((rs, n) -> new CategoryTotals(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        Money.of(rs.getBigDecimal(4)), Money.of(rs.getBigDecimal(5)), Money.of(rs.getBigDecimal(6)),
                        Money.of(rs.getBigDecimal(7))))
                .list();
    }

    /** Candidates for tilted assistance, largest personal payment first (ids in full: the caller masks). */
    List<Tilted> reachedTheirLimit(int year) {
        return jdbc.sql("""
                        select py.person_id, latest.limit_category, py.assistance, latest.annual_limit, py.personal_payment
                        from person_year py
                        join lateral (%s) latest on true
                        where py.year = ? and latest.annual_limit is not null
                          and py.assistance >= latest.annual_limit and py.personal_payment > 0
                        order by py.personal_payment desc, py.person_id""".formatted(latestStandingClaim("py.person_id", "py.year")))
                .param(year)
                .query((rs, n) -> new Tilted(rs.getString(1), category(rs.getString(2)), Money.of(rs.getBigDecimal(3)),
                        Money.of(rs.getBigDecimal(4)), Money.of(rs.getBigDecimal(5))))
                .list();
    }

    private static AssistanceCategory category(String name) {
        return name == null ? null : AssistanceCategory.valueOf(name);
    }
}
