package org.yibao.clearing.books;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.money.Money;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The books read from the owed entries, the closed months and the approved orders, set-based. */
@Repository
class BooksStore {

    private final JdbcClient jdbc;

    BooksStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per month of the year and fund, over the institutions whose own region matches the LIKE pattern. */
    List<BooksLine> year(int year, String regionLike) {
        return jdbc.sql("""
                        with institutions as (select institution_code from institution_region where region_code like :region),
                        entries as (
                            select e.period, e.fund, sum(e.amount) as owed,
                                   coalesce(sum(e.amount) filter (where not exists (select 1 from closed_period c
                                       where c.institution_code = e.institution_code and c.period >= e.period)), 0) as open
                            from owed_entry e join institutions i on i.institution_code = e.institution_code
                            where e.period like :year
                            group by e.period, e.fund),
                        orders as (
                            select o.period, l.fund, sum(l.owed_in_period) as in_orders, sum(l.brought_forward) as brought_forward,
                                   sum(l.withheld) as withheld, sum(l.deducted) as deducted, sum(l.recovered) as recovered,
                                   sum(l.prepayment_recovered) as prepayment_recovered, sum(l.deferred) as deferred, sum(l.paid) as paid,
                                   count(*) filter (where l.owed <> l.withheld + l.deducted + l.recovered + l.prepayment_recovered
                                       + l.deferred + l.paid or l.owed <> l.owed_in_period + l.brought_forward) as lines_off
                            from payment_order o join payment_order_line l on l.order_id = o.order_id
                            join institutions i on i.institution_code = o.institution_code
                            where o.state = 'APPROVED' and o.period like :year
                            group by o.period, l.fund)
                        select coalesce(e.period, o.period), coalesce(e.fund, o.fund), coalesce(e.owed, 0), coalesce(o.in_orders, 0),
                               coalesce(e.open, 0), coalesce(o.brought_forward, 0), coalesce(o.withheld, 0), coalesce(o.deducted, 0),
                               coalesce(o.recovered, 0), coalesce(o.prepayment_recovered, 0), coalesce(o.deferred, 0), coalesce(o.paid, 0),
                               coalesce(o.lines_off, 0)
                        from entries e full join orders o on o.period = e.period and o.fund = e.fund
                        order by 1, 2""")
                .param("region", regionLike)
                .param("year", year + "-%")
                .query(this::line)
                .list();
    }

    private BooksLine line(ResultSet rs, int n) throws SQLException {
        return BooksLine.of(rs.getString(1), rs.getString(2), money(rs, 3), money(rs, 4), money(rs, 5), money(rs, 6), money(rs, 7),
                money(rs, 8), money(rs, 9), money(rs, 10), money(rs, 11), money(rs, 12), rs.getLong(13));
    }

    private static Money money(ResultSet rs, int column) throws SQLException {
        return Money.of(rs.getBigDecimal(column));
    }
}
