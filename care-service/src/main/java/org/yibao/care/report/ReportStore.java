package org.yibao.care.report;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.CareLevel;
import org.yibao.contracts.events.CareSetting;
import org.yibao.contracts.money.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;

/** The month's counts over applications, benefits and payments; {@code regionLike} is a LIKE pattern (500116, 5001%, %). */
@Repository
class ReportStore {

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long assessments(YearMonth month, String regionLike) {
        return jdbc.sql("select count(*) from care_application where assessed_on between ? and ? and region_code like ?")
                .params(month.atDay(1), month.atEndOfMonth(), regionLike).query(Long.class).single();
    }

    /** Beneficiaries covered on some day of the month, by their level on the last covered day of the month. */
    Map<CareLevel, Long> beneficiariesByLevel(YearMonth month, String regionLike) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        Map<CareLevel, Long> byLevel = new EnumMap<>(CareLevel.class);
        jdbc.sql("""
                        select l.level, count(distinct b.person_id) from care_benefit b
                        join lateral (
                            select level from care_benefit_level
                            where benefit_id = b.benefit_id
                              and level_from <= least(?, b.valid_to, coalesce(b.ended_on, b.valid_to))
                            order by level_from desc limit 1) l on true
                        where b.valid_from <= ? and b.valid_to >= ? and (b.ended_on is null or b.ended_on >= ?)
                          and b.region_code like ?
                        group by l.level""")
                .params(last, last, first, first, regionLike)
                .query((java.sql.ResultSet rs) -> {
                    byLevel.put(CareLevel.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return byLevel;
    }

    Map<CareSetting, MonthReport.Payments> payments(YearMonth month, String regionLike) {
        Map<CareSetting, MonthReport.Payments> bySetting = new EnumMap<>(CareSetting.class);
        jdbc.sql("""
                        select setting, count(*), coalesce(sum(standard_amount), 0), coalesce(sum(fund_paid), 0),
                               coalesce(sum(person_share), 0)
                        from care_payment where month = ? and region_code like ? group by setting""")
                .params(month.atDay(1), regionLike)
                .query((java.sql.ResultSet rs) -> {
                    bySetting.put(CareSetting.valueOf(rs.getString(1)), new MonthReport.Payments(rs.getLong(2),
                            Money.of(rs.getBigDecimal(3)), Money.of(rs.getBigDecimal(4)), Money.of(rs.getBigDecimal(5))));
                });
        return bySetting;
    }
}
