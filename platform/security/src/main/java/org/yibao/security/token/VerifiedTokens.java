package org.yibao.security.token;

import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens already verified, so that a client's hundreds of calls with one token pay for the
 * signature check once (the RS256 check, its digest and the claim parsing were the largest part
 * of the gateway's cost per call). A hit is still refused once the token has expired. Bounded: when
 * full it starts over, which costs only re-verification.
 */
public final class VerifiedTokens {

    private static final int MAX_ENTRIES = 50_000;

    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();
    private final Duration clockSkew;
    private final Clock clock;

    public VerifiedTokens(Duration clockSkew, Clock clock) {
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    /** The verified token, if this exact token was verified before and has not expired since. */
    public Jwt find(String token) {
        Jwt jwt = verified.get(token);
        if (jwt == null) {
            return null;
        }
        if (expired(jwt)) {
            verified.remove(token);
            return null;
        }
        return jwt;
    }

    public Jwt remember(Jwt jwt) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(jwt.getTokenValue(), jwt);
        return jwt;
    }

    private boolean expired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt == null || clock.instant().minus(clockSkew).isAfter(expiresAt);
    }
}
