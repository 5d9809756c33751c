package org.yibao.supervision.institution;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** All SQL of designated institutions: the institutions and every agreement decision, in order. */
@Repository
class InstitutionStore {

    private static final String SELECT = "select code, name, region_code, kind, level, chain, status, latitude, longitude from institution";

    private final JdbcClient jdbc;

    InstitutionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers an institution with an active agreement; false when its code is already registered. */
    boolean add(InstitutionRequests.Register r) {
        return jdbc.sql("""
                        insert into institution (code, name, region_code, kind, level, chain, status, latitude, longitude)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (code) do nothing""")
                .params(r.code(), r.name(), r.regionCode(), r.kind().name(), r.level().name(), r.chain(),
                        AgreementStatus.ACTIVE.name(), r.latitude(), r.longitude())
                .update() == 1;
    }

    Optional<Institution> find(String code) {
        return jdbc.sql(SELECT + " where code = ?").param(code).query(InstitutionStore::institution).optional();
    }

    /** The institution, locked until the transaction ends. */
    Optional<Institution> lock(String code) {
        return jdbc.sql(SELECT + " where code = ? for update").param(code).query(InstitutionStore::institution).optional();
    }

    /** The institutions whose region code matches the {@code like} pattern, with the status if given, by code. */
    List<Institution> inRegion(String regionPattern, Optional<AgreementStatus> status) {
        return jdbc.sql(SELECT + " where region_code like ? and (?::varchar is null or status = ?) order by code")
                .params(regionPattern, status.map(Enum::name).orElse(null), status.map(Enum::name).orElse(null))
                .query(InstitutionStore::institution).list();
    }

    private static final String SEARCH_FILTER = """
             where (:text::varchar is null or name like '%' || :text::varchar || '%' or code like upper(:text::varchar) || '%')
            and (:region::varchar is null or region_code like :region::varchar)
            and (:status::varchar is null or status = :status::varchar)""";

    /**
     * One page of the institutions whose name holds {@code text} or whose code begins with it (a few thousand
     * institutions: a scan), in the region and status when given, by code.
     */
    List<Institution> search(Optional<String> text, Optional<String> regionPattern, Optional<AgreementStatus> status,
                             int limit, int offset) {
        return jdbc.sql(SELECT + SEARCH_FILTER + " order by code limit :limit offset :offset")
                .param("text", text.orElse(null)).param("region", regionPattern.orElse(null))
                .param("status", status.map(Enum::name).orElse(null)).param("limit", limit).param("offset", offset)
                .query(InstitutionStore::institution).list();
    }

    long count(Optional<String> text, Optional<String> regionPattern, Optional<AgreementStatus> status) {
        return jdbc.sql("select count(*) from institution" + SEARCH_FILTER)
                .param("text", text.orElse(null)).param("region", regionPattern.orElse(null))
                .param("status", status.map(Enum::name).orElse(null)).query(Long.class).single();
    }

    void setStatus(String code, AgreementStatus status) {
        jdbc.sql("update institution set status = ? where code = ?").params(status.name(), code).update();
    }

    void addChange(String code, AgreementStatus previous, AgreementStatus status, LocalDate effectiveFrom, String reason,
                   String decidedBy) {
        jdbc.sql("""
                        insert into agreement_change (institution, previous_status, status, effective_from, reason, decided_by)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(code, previous == null ? null : previous.name(), status.name(), effectiveFrom, reason, decidedBy)
                .update();
    }

    /** The institution's agreement decisions, in order. */
    List<AgreementChange> history(String code) {
        return jdbc.sql("""
                        select previous_status, status, effective_from, reason, decided_by, decided_at
                        from agreement_change where institution = ? order by id""")
                .param(code)
                .query((rs, n) -> new AgreementChange(
                        rs.getString(1) == null ? null : AgreementStatus.valueOf(rs.getString(1)),
                        AgreementStatus.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
                        date(rs.getTimestamp(6))))
                .list();
    }

    private static Institution institution(ResultSet rs, int n) throws SQLException {
        return new Institution(rs.getString(1), rs.getString(2), rs.getString(3), InstitutionKind.valueOf(rs.getString(4)),
                InstitutionLevel.valueOf(rs.getString(5)), Optional.ofNullable(rs.getString(6)),
                AgreementStatus.valueOf(rs.getString(7)), rs.getBigDecimal(8), rs.getBigDecimal(9));
    }

    private static Date date(Timestamp t) {
        return t == null ? null : new Date(t.getTime());
    }
}
