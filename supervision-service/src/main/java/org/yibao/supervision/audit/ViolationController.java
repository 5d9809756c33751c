package org.yibao.supervision.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.contracts.identity.IdMasking;
import org.yibao.contracts.money.Money;
import org.yibao.web.problem.InvalidRequestException;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The smart audit's findings (疑点) on claims served in a year, page by page, for the auditors who
 * turn them into clues and for the bureau's statistics. Person ids are masked.
 */
@RestController
@RequestMapping("/api/supervision")
class ViolationController {

    static final int MAX_PAGE = 5_000;
    /** PostgreSQL orders uuids as unsigned bytes: the nil uuid comes before every other. */
    private static final UUID FIRST = new UUID(0, 0);

    record Violation(UUID id, String rule, String settlementId, List<String> related, String personId, String institution,
                     LocalDate serviceDate, Money amountAtRisk, String evidence) {
    }

    /** @param next the {@code after} of the following page; null on the last one */
    record Page(List<Violation> violations, UUID next) {
    }

    private final JdbcClient jdbc;

    ViolationController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/violations")
    @Transactional(readOnly = true)
    Page violations(@RequestParam int year, @RequestParam(required = false) UUID after,
                    @RequestParam(defaultValue = "1000") int limit) {
        if (year < 2000 || year > 2100) {
            throw new InvalidRequestException("year", "must be between 2000 and 2100");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_PAGE);
        }
        List<Violation> page = jdbc.sql("""
                        select v.violation_id, v.rule, v.settlement_id, v.related, v.person_id, v.institution, c.service_date,
                               v.amount_at_risk, v.evidence
                        from violation v join audited_claim c on c.settlement_id = v.settlement_id
                        where c.service_date between ? and ? and v.violation_id > ?
                        order by v.violation_id limit ?""")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                        after == null ? FIRST : after, limit)
                .query((rs, n) -> new Violation(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4).isEmpty() ? List.of() : List.of(rs.getString(4).split(",")),
                        IdMasking.mask(rs.getString(5)), rs.getString(6), rs.getObject(7, LocalDate.class),
                        Money.of(rs.getBigDecimal(8)), rs.getString(9)))
                .list();
        return new Page(page, page.size() == limit ? page.get(page.size() - 1).id() : null);
    }
}
