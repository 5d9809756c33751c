package org.yibao.assistance.warning;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.PovertyRiskFlagged.PovertyRisk;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** All SQL of the dual early warning: the person's year and household income it reads, the warnings and their feedback. */
@Repository
public class WarningStore {

    private final JdbcClient jdbc;

    WarningStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What the warning looks at for a person's year.
     *
     * @param category        the person's current assistance category, or null
     * @param householdIncome the household's income of the year, yuan, or null when unknown
     */
    record Exposure(Money personalPayment, String regionCode, AssistanceCategory category, BigDecimal householdIncome) {
    }

    /** One warning as the department receives it. */
    record Warning(String personId, String regionCode, int year, PovertyRisk risk, AssistanceCategory category,
                   Money personalPayment, Money threshold, String basis, Instant flaggedAt) {
    }

    Optional<Exposure> exposure(String personId, int year) {
        return jdbc.sql("""
                        select py.personal_payment, py.region_code, pi.category, hi.income
                        from person_year py
                        left join person_identity pi on pi.person_id = py.person_id
                        left join household_income hi on hi.person_id = py.person_id and hi.year = py.year
                        where py.person_id = ? and py.year = ?""")
                .params(personId, year)
                .query((rs, n) -> new Exposure(Money.of(rs.getBigDecimal(1)), rs.getString(2), category(rs.getString(3)),
                        rs.getBigDecimal(4)))
                .optional();
    }

    /** Records a warning once per person, year and risk; false when it was already raised. */
    boolean flag(String personId, int year, PovertyRisk risk, String region, AssistanceCategory category, Money paid,
                 Money threshold, String basis) {
        return jdbc.sql("""
                        insert into poverty_warning (person_id, year, risk, region_code, category, personal_payment, threshold, basis)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (person_id, year, risk) do nothing""")
                .params(personId, year, risk.name(), region, category == null ? null : category.name(), paid.amount(),
                        threshold.amount(), basis)
                .update() == 1;
    }

    /** The warnings flagged in [from, to), in order, one at a time. */
    void flaggedBetween(Instant from, Instant to, Consumer<Warning> each) {
        jdbc.sql("""
                        select person_id, region_code, year, risk, category, personal_payment, threshold, basis, flagged_at
                        from poverty_warning where flagged_at >= ? and flagged_at < ? order by flagged_at, person_id""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query(rs -> {
                    each.accept(new Warning(rs.getString(1), rs.getString(2), rs.getInt(3), PovertyRisk.valueOf(rs.getString(4)),
                            category(rs.getString(5)), Money.of(rs.getBigDecimal(6)), Money.of(rs.getBigDecimal(7)),
                            rs.getString(8), rs.getTimestamp(9).toInstant()));
                });
    }

    private static final String WARNING_COLUMNS = """
            select warning_id, person_id, region_code, year, risk, category, personal_payment, threshold, basis, flagged_at,
                   feedback, feedback_by, feedback_at, feedback_note from poverty_warning""";

    private static final String FILTER = """
             where (:from::timestamptz is null or (flagged_at >= :from::timestamptz and flagged_at < :to::timestamptz))
            and (:status::varchar is null or coalesce(feedback, 'OPEN') = :status::varchar)""";

    /** One page of the warnings raised in [from, to) (any time when null) in the status when given, the oldest first. */
    List<PovertyWarning> page(Instant from, Instant to, Optional<WarningStatus> status, int limit, int offset) {
        return jdbc.sql(WARNING_COLUMNS + FILTER + " order by flagged_at, person_id, year, risk limit :limit offset :offset")
                .param("from", from == null ? null : Timestamp.from(from)).param("to", to == null ? null : Timestamp.from(to))
                .param("status", status.map(Enum::name).orElse(null)).param("limit", limit).param("offset", offset)
                .query(WarningStore::warning).list();
    }

    long count(Instant from, Instant to, Optional<WarningStatus> status) {
        return jdbc.sql("select count(*) from poverty_warning" + FILTER)
                .param("from", from == null ? null : Timestamp.from(from)).param("to", to == null ? null : Timestamp.from(to))
                .param("status", status.map(Enum::name).orElse(null)).query(Long.class).single();
    }

    /** The person's warnings, by year and when raised. */
    List<PovertyWarning> ofPerson(String personId) {
        return jdbc.sql(WARNING_COLUMNS + " where person_id = ? order by year, flagged_at, risk").param(personId)
                .query(WarningStore::warning).list();
    }

    /** The warning of this id, locked until the transaction ends. */
    Optional<PovertyWarning> lock(UUID warningId) {
        return jdbc.sql(WARNING_COLUMNS + " where warning_id = ? for update").param(warningId).query(WarningStore::warning).optional();
    }

    /** The warning of this person, year and risk (as the department's file names it), locked until the transaction ends. */
    Optional<PovertyWarning> lock(String personId, int year, String risk) {
        return jdbc.sql(WARNING_COLUMNS + " where person_id = ? and year = ? and risk = ? for update").params(personId, year, risk)
                .query(WarningStore::warning).optional();
    }

    /** Records the answer on an open warning: its status, who recorded it, when and the note. */
    void answer(UUID warningId, WarningStatus status, String by, String note, Instant at) {
        jdbc.sql("""
                        update poverty_warning set feedback = ?, feedback_by = ?, feedback_note = ?, feedback_at = ?
                        where warning_id = ? and feedback is null""")
                .params(status.name(), by, note, Timestamp.from(at), warningId).update();
    }

    private static PovertyWarning warning(ResultSet rs, int n) throws SQLException {
        Timestamp answeredAt = rs.getTimestamp(13);
        return new PovertyWarning(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                PovertyRisk.valueOf(rs.getString(5)), category(rs.getString(6)), Money.of(rs.getBigDecimal(7)),
                Money.of(rs.getBigDecimal(8)), rs.getString(9), rs.getTimestamp(10).toInstant(), WarningStatus.of(rs.getString(11)),
                rs.getString(12), answeredAt == null ? null : answeredAt.toInstant(), rs.getString(14));
    }

    void saveHouseholdIncome(String personId, int year, BigDecimal income) {
        jdbc.sql("""
                        insert into household_income (person_id, year, income) values (?, ?, ?)
                        on conflict (person_id, year) do update set income = excluded.income""")
                .params(personId, year, income)
                .update();
    }

    private static AssistanceCategory category(String name) {
        return name == null ? null : AssistanceCategory.valueOf(name);
    }
}
