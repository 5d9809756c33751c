package org.yibao.enrollment.statistics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.money.Money;

import java.time.LocalDate;
import java.util.List;

/** The counts behind the statistics, and the registered population by region and year (table {@code registered_population}). */
@Repository
class StatisticsStore {

    private final JdbcClient jdbc;

    StatisticsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void setPopulation(String regionCode, int year, long population) {
        jdbc.sql("""
                        insert into registered_population (region_code, year, population) values (?, ?, ?)
                        on conflict (region_code, year) do update set population = excluded.population""")
                .params(regionCode, year, population).update();
    }

    /** Active enrollments of the year by region and scheme. */
    List<Statistics.EnrolledCount> enrolled(int year) {
        return jdbc.sql("""
                        select region_code, scheme, count(*), count(*) filter (where subsidy > 0), sum(contribution), sum(subsidy)
                        from enrollment where year = ? and status = 'ACTIVE' group by region_code, scheme order by 1, 2""")
                .param(year)
                .query((rs, n) -> new Statistics.EnrolledCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        Money.of(rs.getBigDecimal(5)), Money.of(rs.getBigDecimal(6)))).list();
    }

    /** Each region with a registered population in the year, against those actively enrolled in it. */
    List<Statistics.Coverage> coverage(int year) {
        // a region's population counts everyone enrolled in it and its districts
        return jdbc.sql("""
                        select p.region_code, p.population,
                               (select count(*) from enrollment e where e.year = p.year and e.status = 'ACTIVE'
                                  and e.region_code like case when p.region_code like '%0000' then substr(p.region_code, 1, 2)
                                                              when p.region_code like '%00' then substr(p.region_code, 1, 4)
                                                              else p.region_code end || '%')
                        from registered_population p where p.year = ? order by 1""")
                .param(year)
                .query((rs, n) -> Statistics.Coverage.of(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /** People with an assistance identity in force in the year who hold no enrollment for it, by region and id. */
    List<NotEnrolled> identifiedNotEnrolled(int year) {
        return jdbc.sql("""
                        select a.person_id, a.region_code, a.category, a.valid_from from assistance_identity a
                        where a.category is not null
                          and (a.valid_from is null or a.valid_from <= make_date(?, 12, 31))
                          and (a.valid_to is null or a.valid_to >= make_date(?, 1, 1))
                          and not exists (select 1 from enrollment e where e.person_id = a.person_id and e.year = ?)
                        order by a.region_code, a.person_id""")
                .params(year, year, year)
                .query((rs, n) -> new NotEnrolled(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class)))
                .list();
    }
}
