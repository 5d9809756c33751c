package org.yibao.settlement.mapping;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The institutions' item mappings (目录对照) as stored: their SQL. */
@Repository
class MappingStore {

    private static final String COLUMNS = """
            institution_code, own_code, own_name, list_type, national_code, valid_from, valid_to, status, submitted_at, submitted_by,
            reviewed_at, reviewed_by, review_note""";

    private final JdbcClient jdbc;

    MappingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The institution's mappings at these (own code, begin date) keys, locked until the transaction
     * ends, by {@code ownCode + "@" + validFrom}: one statement for a whole chunk of a file.
     */
    Map<String, ItemMapping> findAll(String institution, List<String> ownCodes, List<LocalDate> validFroms) {
        Map<String, ItemMapping> found = new HashMap<>();
        jdbc.sql("select " + COLUMNS.replace("institution_code,", "m.institution_code,") + """
                         \sfrom institution_item_map m
                         join unnest(?::varchar[], ?::date[]) as k(own_code, valid_from) using (own_code, valid_from)
                         where m.institution_code = ? for update of m""")
                .params(ownCodes.toArray(String[]::new), validFroms.stream().map(LocalDate::toString).toArray(String[]::new), institution)
                .query(MappingStore::mapping).list().forEach(m -> found.put(m.ownCode() + "@" + m.validFrom(), m));
        return found;
    }

    /** Writes a submission: a new mapping, or one that replaces a rejected, revoked or still submitted one. */
    void submit(ItemMapping m) {
        jdbc.sql("""
                        insert into institution_item_map (institution_code, own_code, own_name, list_type, national_code, valid_from,
                            valid_to, status, submitted_at, submitted_by)
                        values (?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?)
                        on conflict (institution_code, own_code, valid_from) do update set own_name = excluded.own_name,
                            list_type = excluded.list_type, national_code = excluded.national_code, valid_to = excluded.valid_to,
                            status = 'SUBMITTED', submitted_at = excluded.submitted_at, submitted_by = excluded.submitted_by,
                            reviewed_at = null, reviewed_by = null, review_note = null, revoked_at = null""")
                .params(m.institutionCode(), m.ownCode(), m.ownName(), m.listType(), m.nationalCode(), m.validFrom(), m.validTo(),
                        Timestamp.from(m.submittedAt()), m.submittedBy())
                .update();
    }

    /** Renames an approved mapping's own item and sets its end (what the institution may change without a new review). */
    void amend(String institution, String ownCode, LocalDate validFrom, String ownName, LocalDate validTo) {
        jdbc.sql("update institution_item_map set own_name = ?, valid_to = ? where institution_code = ? and own_code = ? and valid_from = ?")
                .params(ownName, validTo, institution, ownCode, validFrom).update();
    }

    /** Moves the listed mappings (all submitted ones when {@code ownCodes} is empty) from SUBMITTED to a decision. */
    int review(String institution, Collection<String> ownCodes, Instant asOf, MappingStatus decision, String reviewer, String note,
               Instant at) {
        return jdbc.sql("""
                        update institution_item_map set status = ?, reviewed_by = ?, review_note = ?, reviewed_at = ?
                        where institution_code = ? and status = 'SUBMITTED' and submitted_at <= ?
                          and (cardinality(?::varchar[]) = 0 or own_code = any(?::varchar[]))""")
                .params(decision.name(), reviewer, note, Timestamp.from(at), institution, Timestamp.from(asOf),
                        ownCodes.toArray(String[]::new), ownCodes.toArray(String[]::new))
                .update();
    }

    /** Whether any of the submissions a review would decide was submitted by the reviewer. */
    boolean submittedBy(String institution, Collection<String> ownCodes, Instant asOf, String reviewer) {
        return jdbc.sql("""
                        select exists (select 1 from institution_item_map where institution_code = ? and status = 'SUBMITTED'
                                       and submitted_at <= ? and submitted_by = ?
                                       and (cardinality(?::varchar[]) = 0 or own_code = any(?::varchar[])))""")
                .params(institution, Timestamp.from(asOf), reviewer, ownCodes.toArray(String[]::new), ownCodes.toArray(String[]::new))
                .query(Boolean.class).single();
    }

    /** The own codes among these that have no submitted mapping (a review naming them is refused). */
    List<String> notSubmitted(String institution, Collection<String> ownCodes) {
        return jdbc.sql("""
                        select c from unnest(?::varchar[]) as c
                        where not exists (select 1 from institution_item_map m where m.institution_code = ? and m.own_code = c
                                          and m.status = 'SUBMITTED')""")
                .params(ownCodes.toArray(String[]::new), institution).query(String.class).list();
    }

    /** Revokes the institution's submitted or approved mappings of an own code (and national code, if given). */
    int revoke(String institution, String ownCode, String nationalCode, Instant at) {
        return jdbc.sql("""
                        update institution_item_map set status = 'REVOKED', revoked_at = ?
                        where institution_code = ? and own_code = ? and status in ('SUBMITTED', 'APPROVED')
                          and (?::varchar is null or national_code = ?::varchar)""")
                .params(Timestamp.from(at), institution, ownCode, nationalCode, nationalCode).update();
    }

    /** The institution's mappings, by own code and begin date, after a position, at most {@code limit}. */
    List<ItemMapping> list(String institution, Optional<MappingStatus> status, String afterOwnCode, LocalDate afterValidFrom, int limit) {
        return jdbc.sql("select " + COLUMNS + " from institution_item_map where institution_code = ?"
                        + " and (?::varchar is null or status = ?::varchar) and (own_code, valid_from) > (?, ?)"
                        + " order by own_code, valid_from limit ?")
                .params(institution, status.map(Enum::name).orElse(null), status.map(Enum::name).orElse(null), afterOwnCode, afterValidFrom,
                        limit)
                .query(MappingStore::mapping).list();
    }

    /**
     * For each own code, the mapping that decides it on a date: the latest approved one begun by then,
     * if it has not ended; for a code without one, the latest submitted or rejected one begun by then (so
     * a line can be told why). A remapping awaiting review, or rejected, does not stop the approved one
     * before it. Codes with neither are absent.
     */
    Map<String, ItemMapping> inForce(String institution, Collection<String> ownCodes, LocalDate on) {
        Map<String, ItemMapping> found = new HashMap<>();
        if (ownCodes.isEmpty()) {
            return found;
        }
        jdbc.sql("select * from (select distinct on (own_code) " + COLUMNS + """
                         \sfrom institution_item_map
                         where institution_code = ? and own_code = any(?::varchar[]) and valid_from <= ? and status <> 'REVOKED'
                           and (valid_to is null or valid_to >= ?)
                         order by own_code, (status = 'APPROVED') desc, valid_from desc) m""")
                .params(institution, ownCodes.toArray(String[]::new), on, on)
                .query(MappingStore::mapping).list().forEach(m -> found.put(m.ownCode(), m));
        return found;
    }

    private static ItemMapping mapping(ResultSet rs, int n) throws SQLException {
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new ItemMapping(rs.getString("institution_code"), rs.getString("own_code"), rs.getString("own_name"),
                rs.getString("list_type"), rs.getString("national_code"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), MappingStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("submitted_at").toInstant(), rs.getString("submitted_by"),
                reviewed == null ? null : reviewed.toInstant(), rs.getString("reviewed_by"), rs.getString("review_note"));
    }
}
