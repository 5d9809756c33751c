package org.yibao.assistance.tracking;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.DecimalMax;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.assistance.warning.WarningExchange;
import org.yibao.assistance.warning.WarningProperties;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.identity.IdMasking;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.web.problem.InvalidRequestException;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Assistance tracking, reports and the poverty-risk exchange, behind the gateway at {@code /api/assistance}. */
@RestController
@RequestMapping("/api/assistance")
class AssistanceController {

    private final JdbcTemplate jdbc;
    private final WarningProperties properties;
    private final WarningExchange exchange;

    AssistanceController(JdbcTemplate jdbc, WarningProperties properties, WarningExchange exchange) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.exchange = exchange;
    }

    record PersonYear(String personId, int year, String category, Money total, Money assistance, Money personalPayment,
                      Money annualLimit, Money remaining) {
    }

    /** A person's assistance received in a year and what remains of the annual limit. */
    @GetMapping("/persons/{personId}/assistance")
    PersonYear personYear(@PathVariable String personId, @RequestParam int year) {
        String id = person(personId);
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select coalesce(py.total, 0) total, coalesce(py.assistance, 0) assistance,
                       coalesce(py.personal_payment, 0) personal_payment,
                       (select category from person_identity where person_id = ?) category
                from (select 1) one left join person_year py on py.person_id = ? and py.year = ?""", id, id, year(year));
        Map<String, Object> r = rows.get(0);
        String category = (String) r.get("category");
        Money limit = Optional.ofNullable(category).map(AssistanceCategory::valueOf).map(properties.annualLimits()::get)
                .map(l -> Money.rounded(l, RoundingMode.HALF_UP)).orElse(Money.ZERO);
        Money received = Money.of((BigDecimal) r.get("assistance"));
        return new PersonYear(id, year, category, Money.of((BigDecimal) r.get("total")), received,
                Money.of((BigDecimal) r.get("personal_payment")), limit, limit.minus(received).max(Money.ZERO));
    }

    record CategoryReport(String category, long personTimes, long persons, Money assistance, Money total,
                          Money policyScope, Money fundsPaid, BigDecimal policyScopeRatio, BigDecimal overallRatio) {
    }

    /**
     * By assistance category (and NONE for others): assisted person-times and amounts, and the
     * policy-scope and overall reimbursement ratios (all funds paid over policy scope, and over the
     * total), as the Hohhot seed reports them. Reversed claims are left out.
     */
    @GetMapping("/reports")
    List<CategoryReport> reports(@RequestParam int year, @RequestParam(required = false) String region) {
        String regionPrefix = region == null ? "%" : regionPrefix(region);
        return jdbc.query("""
                        select coalesce(category, 'NONE'), count(*) filter (where assistance > 0), count(distinct person_id),
                               sum(assistance), sum(total), sum(policy_scope),
                               sum(basic_fund + catastrophic + supplementary + assistance)
                        from claim where year = ? and reversed_at is null and region_code like ?
                        group by 1 order by 1""",
                (rs, n) -> {
                    BigDecimal scope = rs.getBigDecimal(6);
                    BigDecimal total = rs.getBigDecimal(5);
                    BigDecimal funds = rs.getBigDecimal(7);
                    return new CategoryReport(rs.getString(1), rs.getLong(2), rs.getLong(3), Money.of(rs.getBigDecimal(4)),
                            Money.of(total), Money.of(scope), Money.of(funds), percent(funds, scope), percent(funds, total));
                }, year(year), regionPrefix);
    }

    record TiltedCase(String personId, String category, Money assistance, Money annualLimit, Money personalPayment) {
    }

    /**
     * Candidates for tilted assistance (倾斜救助): low-income people who have used their whole annual
     * limit and still pay out of pocket. Ids masked.
     */
    @GetMapping("/tilted-cases")
    List<TiltedCase> tiltedCases(@RequestParam int year) {
        return jdbc.query("""
                        select py.person_id, pi.category, py.assistance, py.personal_payment
                        from person_year py join person_identity pi on pi.person_id = py.person_id
                        where py.year = ? and pi.category is not null and py.personal_payment > 0
                        order by py.personal_payment desc""",
                (rs, n) -> {
                    AssistanceCategory category = AssistanceCategory.valueOf(rs.getString(2));
                    BigDecimal limit = properties.annualLimits().get(category);
                    Money assistance = Money.of(rs.getBigDecimal(3));
                    return limit == null || assistance.compareTo(Money.rounded(limit, RoundingMode.HALF_UP)) < 0 ? null
                            : new TiltedCase(IdMasking.mask(rs.getString(1)), category.name(), assistance,
                            Money.rounded(limit, RoundingMode.HALF_UP), Money.of(rs.getBigDecimal(4)));
                }, year(year)).stream().filter(java.util.Objects::nonNull).toList();
    }

    /** @param income the household's income of the year, yuan (more than zero, at most 999,999,999,999.99, two decimals) */
    record Income(@NotNull @DecimalMin("0.01") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2) BigDecimal income) {
    }

    @PutMapping("/persons/{personId}/household-income/{year}")
    Income householdIncome(@PathVariable String personId, @PathVariable int year, @Valid @RequestBody Income body) {
        jdbc.update("""
                insert into household_income (person_id, year, income) values (?, ?, ?)
                on conflict (person_id, year) do update set income = excluded.income""", person(personId), year(year),
                body.income().setScale(2, RoundingMode.HALF_UP));
        return body;
    }

    /** The month's poverty-risk warnings for the rural-revitalization department (CSV). */
    @GetMapping("/poverty-warnings/export")
    void export(@RequestParam String month, HttpServletResponse response) throws IOException {
        YearMonth m;
        try {
            m = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("month", "must be a month such as 2026-11");
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        exchange.export(m, response.getWriter());
    }

    /** The department's feedback; confirmed people are brought into assistance. */
    @PostMapping(path = "/poverty-warnings/feedback", consumes = {"text/csv", "text/plain"})
    WarningExchange.FeedbackReport feedback(HttpServletRequest request) throws IOException {
        return exchange.feedback(request.getInputStream(), request.getContentType());
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole == null || whole.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }

    /** The canonical resident id of what was typed (see {@link ResidentId}), or a 400 naming why. */
    private static String person(String personId) {
        ResidentId.Parsed parsed = ResidentId.parse(personId);
        if (!parsed.valid()) {
            throw new InvalidRequestException("personId", parsed.problem());
        }
        return parsed.id().value();
    }

    private static int year(int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidRequestException("year", "must be between 2000 and 2100");
        }
        return year;
    }

    private static String regionPrefix(String region) {
        if (!region.matches("[1-9][0-9]{5}")) {
            throw new InvalidRequestException("region", "must be a 6-digit administrative division code");
        }
        return org.yibao.contracts.region.Regions.likePattern(region);
    }
}
