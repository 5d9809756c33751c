package org.yibao.enrollment.voucher;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.enrollment.enrollment.Enrollment;
import org.yibao.enrollment.enrollment.EnrollmentStore;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.RefusedException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
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

    private final VoucherStore vouchers;
    private final EnrollmentStore enrollments;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    EVoucherService(VoucherStore vouchers, EnrollmentStore enrollments, Clock clock) {
        this.vouchers = vouchers;
        this.enrollments = enrollments;
        this.clock = clock;
    }

    public record Token(String token, Instant expiresAt) {
    }

    /** Who a token stands for, and their enrollment on the day it is used. */
    public record Holder(String personId, Enrollment enrollment) {
    }

    /** Activates the e-voucher of a person insured today (once: activating again answers the first time). */
    @Transactional
    public Instant activate(String personId) {
        insuredToday(personId);
        return vouchers.activate(personId, clock.instant());
    }

    @Transactional
    public Token issue(String personId) {
        if (!vouchers.isActivated(personId)) {
            throw new RefusedException("the person has not activated the e-voucher");
        }
        insuredToday(personId);
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = clock.instant().plus(TOKEN_LIFETIME);
        vouchers.insertToken(hash(token), personId, expires);
        return new Token(token, expires);
    }

    /** Exchanges a token once, before it expires, for the person it was issued to. */
    @Transactional
    public Holder exchange(String token, String institutionCode) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{32}")) {
            throw new InvalidRequestException("token", "is not an e-voucher token");
        }
        String personId = vouchers.useToken(hash(token), institutionCode, clock.instant())
                .orElseThrow(() -> new ConflictException("the token is unknown, expired or already used; ask for a new one"));
        return new Holder(personId, insuredToday(personId));
    }

    private Enrollment insuredToday(String personId) {
        LocalDate today = LocalDate.now(clock);
        return enrollments.find(personId, today.getYear(), today)
                .filter(e -> e.status() == EnrollmentStatus.ACTIVE && !today.isBefore(e.effectiveFrom()))
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
