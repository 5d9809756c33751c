package org.yibao.enrollment.statistics;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.contracts.identity.IdMasking;
import org.yibao.contracts.money.Money;
import org.yibao.enrollment.Ids;
import org.yibao.web.problem.InvalidRequestException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * Enrollment statistics for bureau staff: enrolled by scheme and region, coverage against the
 * registered population, and the assistance-identified people not yet enrolled (动态清零).
 */
@RestController
@RequestMapping("/api/enrollment")
class StatisticsController {

    private final JdbcClient jdbc;

    StatisticsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Population(@NotNull @Min(1) Long population) {
    }

    /**
     * @param contributions the personal contributions due (个人缴费) of those enrolled
     * @param subsidies     the part of them paid by medical assistance (参保资助)
     */
    record EnrolledCount(String regionCode, String scheme, long enrolled, long subsidised, Money contributions,
                         Money subsidies) {
    }

    record Coverage(String regionCode, long registeredPopulation, long enrolled, BigDecimal coverageRate) {
    }

    record Statistics(int year, List<EnrolledCount> enrolled, List<Coverage> coverage) {
    }

    record NotEnrolled(String personId, String regionCode, String category, LocalDate identifiedFrom) {
    }

    @PutMapping("/regions/{regionCode}/population/{year}")
    @Transactional
    Population setPopulation(@PathVariable String regionCode, @PathVariable int year, @Valid @RequestBody Population body) {
        if (!regionCode.matches("[1-9][0-9]{5}")) {
            throw new InvalidRequestException("regionCode", "must be a 6-digit administrative division code");
        }
        jdbc.sql("""
                        insert into registered_population (region_code, year, population) values (?, ?, ?)
                        on conflict (region_code, year) do update set population = excluded.population""")
                .params(regionCode, Ids.year(year), body.population()).update();
        return body;
    }

    @GetMapping("/statistics")
    @Transactional(readOnly = true)
    Statistics statistics(@RequestParam int year) {
        Ids.year(year);
        List<EnrolledCount> enrolled = jdbc.sql("""
                        select region_code, scheme, count(*), count(*) filter (where subsidy > 0), sum(contribution), sum(subsidy)
                        from enrollment where year = ? and status = 'ACTIVE' group by region_code, scheme order by 1, 2""")
                .param(year)
                .query((rs, n) -> new EnrolledCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        Money.of(rs.getBigDecimal(5)), Money.of(rs.getBigDecimal(6)))).list();
        // a region's population counts everyone enrolled in it and its districts
        List<Coverage> coverage = jdbc.sql("""
                        select p.region_code, p.population,
                               (select count(*) from enrollment e where e.year = p.year and e.status = 'ACTIVE'
                                  and e.region_code like case when p.region_code like '%0000' then substr(p.region_code, 1, 2)
                                                              when p.region_code like '%00' then substr(p.region_code, 1, 4)
                                                              else p.region_code end || '%')
                        from registered_population p where p.year = ? order by 1""")
                .param(year)
                .query((rs, n) -> new Coverage(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        BigDecimal.valueOf(rs.getLong(3)).multiply(BigDecimal.valueOf(100))
                                .divide(BigDecimal.valueOf(rs.getLong(2)), 2, RoundingMode.HALF_UP)))
                .list();
        return new Statistics(year, enrolled, coverage);
    }

    /** People with an assistance identity in force in the year who hold no enrollment for it: the list must reach zero. */
    @GetMapping("/statistics/identified-not-enrolled")
    @Transactional(readOnly = true)
    List<NotEnrolled> identifiedNotEnrolled(@RequestParam int year) {
        Ids.year(year);
        return jdbc.sql("""
                        select a.person_id, a.region_code, a.category, a.valid_from from assistance_identity a
                        where a.category is not null
                          and (a.valid_from is null or a.valid_from <= make_date(?, 12, 31))
                          and (a.valid_to is null or a.valid_to >= make_date(?, 1, 1))
                          and not exists (select 1 from enrollment e where e.person_id = a.person_id and e.year = ?)
                        order by a.region_code, a.person_id""")
                .params(year, year, year)
                .query((rs, n) -> new NotEnrolled(IdMasking.mask(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class)))
                .list();
    }
}
