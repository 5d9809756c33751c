package org.yibao.enrollment.filing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.enrollment.Filer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The remote-treatment filings (table {@code remote_filing}) and who registered each. */
@Repository
class FilingStore {

    private final JdbcClient jdbc;

    FilingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Filing f, Filer filer) {
        jdbc.sql("""
                        insert into remote_filing (filing_id, person_id, insured_region, destination_region, reason, valid_from,
                            valid_to, filed_by, filed_for_institution) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(f.filingId(), f.personId(), f.insuredRegion(), f.destinationRegion(), f.reason().orElse(null),
                        f.validFrom(), f.validTo().orElse(null), filer.clientId(), filer.institution())
                .update();
    }

    /** Records a cancellation made at {@code at}: the filing now ends on {@code lastDay}. */
    void cancel(UUID filingId, Instant at, String reason, LocalDate lastDay) {
        jdbc.sql("update remote_filing set cancelled_at = ?, cancel_reason = ?, valid_to = ? where filing_id = ?")
                .params(Timestamp.from(at), reason, lastDay, filingId).update();
    }

    Optional<Filing> find(UUID filingId) {
        return jdbc.sql(SELECT + " where filing_id = ?").param(filingId).query(FilingStore::read).optional();
    }

    /** Reads and locks the filing for the rest of the transaction. */
    Optional<Filing> lock(UUID filingId) {
        return jdbc.sql(SELECT + " where filing_id = ? for update").param(filingId).query(FilingStore::read).optional();
    }

    /** The institution of the hospital that registered the filing; empty when bureau staff did. */
    Optional<String> filedForInstitution(UUID filingId) {
        return jdbc.sql("select filed_for_institution from remote_filing where filing_id = ?")
                .param(filingId).query(String.class).optional();
    }

    List<Filing> ofPerson(String personId) {
        return jdbc.sql(SELECT + " where person_id = ? order by registered_at").param(personId).query(FilingStore::read).list();
    }

    private static final String SELECT = """
            select filing_id, person_id, insured_region, destination_region, reason, valid_from, valid_to, cancelled_at
            from remote_filing""";

    private static Filing read(ResultSet rs, int n) throws SQLException {
        Timestamp cancelled = rs.getTimestamp(8);
        return new Filing(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                Optional.ofNullable(rs.getString(5)), rs.getObject(6, LocalDate.class),
                Optional.ofNullable(rs.getObject(7, LocalDate.class)), Optional.ofNullable(cancelled).map(Timestamp::toInstant));
    }
}
