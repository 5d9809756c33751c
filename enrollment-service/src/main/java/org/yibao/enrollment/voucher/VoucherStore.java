package org.yibao.enrollment.voucher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** E-voucher activations (table {@code evoucher}) and their tokens, kept only as hashes ({@code evoucher_token}). */
@Repository
class VoucherStore {

    private final JdbcClient jdbc;

    VoucherStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Activates the person's e-voucher at {@code at} unless it is active already; when it was first activated. */
    Instant activate(String personId, Instant at) {
        jdbc.sql("insert into evoucher (person_id, activated_at) values (?, ?) on conflict (person_id) do nothing")
                .params(personId, Timestamp.from(at)).update();
        return jdbc.sql("select activated_at from evoucher where person_id = ?").param(personId)
                .query(Timestamp.class).single().toInstant();
    }

    boolean isActivated(String personId) {
        return jdbc.sql("select count(*) from evoucher where person_id = ?").param(personId).query(Integer.class).single() == 1;
    }

    void insertToken(String tokenHash, String personId, Instant expiresAt) {
        jdbc.sql("insert into evoucher_token (token_hash, person_id, expires_at) values (?, ?, ?)")
                .params(tokenHash, personId, Timestamp.from(expiresAt)).update();
    }

    /**
     * Marks the token used at {@code now} by the institution, if it is unused and not expired; the person
     * it was issued to, or empty when it is unknown, expired or already used.
     */
    Optional<String> useToken(String tokenHash, String institutionCode, Instant now) {
        return jdbc.sql("""
                        update evoucher_token set used_at = ?, used_by = ?
                        where token_hash = ? and used_at is null and expires_at > ? returning person_id""")
                .params(Timestamp.from(now), institutionCode, tokenHash, Timestamp.from(now))
                .query(String.class).optional();
    }
}
