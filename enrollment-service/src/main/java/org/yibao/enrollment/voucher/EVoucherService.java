package org.yibao.enrollment.voucher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.enrollment.enrollment.Enrollment;
import org.yibao.enrollment.enrollment.EnrollmentStore;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.RefusedException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The e-voucher (医保码). A person activates it once; the app then asks for a short-lived token, shown
 * as a QR code, which a hospital or pharmacy exchanges once for the person at settlement time. Only
 * a token's hash is stored, so the table cannot be used to impersonate anyone.
 */
@Service
public class EVoucherService {

    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final EnrollmentStore enrollments;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    EVoucherService(JdbcClient jdbc, EnrollmentStore enrollments, Clock clock) {
        this.jdbc = jdbc;
        this.enrollments = enrollments;
        this.clock = clock;
    }

    public record Token(String token, Instant expiresAt) {
    }

    /** Who a token stands for, and their enrollment on the day it is used. */
    public record Holder(String personId, Enrollment enrollment) {
    }

    @Transactional
    public Instant activate(String personId) {
        insuredToday(personId);
        jdbc.sql("insert into evoucher (person_id, activated_at) values (?, ?) on conflict (person_id) do nothing")
                .params(personId, Timestamp.from(clock.instant())).update();
        return jdbc.sql("select activated_at from evoucher where person_id = ?").param(personId)
                .query(Timestamp.class).single().toInstant();
    }

    @Transactional
    public Token issue(String personId) {
        boolean active = jdbc.sql("select count(*) from evoucher where person_id = ?").param(personId).query(Integer.class).single() == 1;
        if (!active) {
            throw new RefusedException("the person has not activated the e-voucher");
        }
        insuredToday(personId);
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = clock.instant().plus(TOKEN_LIFETIME);
        jdbc.sql("insert into evoucher_token (token_hash, person_id, expires_at) values (?, ?, ?)")
                .params(hash(token), personId, Timestamp.from(expires)).update();
        return new Token(token, expires);
    }

    /** Exchanges a token once, before it expires, for the person it was issued to. */
    @Transactional
    public Holder exchange(String token, String institutionCode) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{32}")) {
            throw new InvalidRequestException("token", "is not an e-voucher token");
        }
        Instant now = clock.instant();
        String personId = jdbc.sql("""
                        update evoucher_token set used_at = ?, used_by = ?
                        where token_hash = ? and used_at is null and expires_at > ? returning person_id""")
                .params(Timestamp.from(now), institutionCode, hash(token), Timestamp.from(now))
                .query(String.class).optional()
                .orElseThrow(() -> new ConflictException("the token is unknown, expired or already used; ask for a new one"));
        return new Holder(personId, insuredToday(personId));
    }

    private Enrollment insuredToday(String personId) {
        LocalDate today = LocalDate.now(clock);
        return enrollments.find(personId, today.getYear())
                .filter(e -> e.status() == org.yibao.contracts.events.EnrollmentStatus.ACTIVE && !today.isBefore(e.effectiveFrom()))
                .orElseThrow(() -> new RefusedException("the person is not insured today"));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
