package org.yibao.security.token;

import org.yibao.security.CallerIdentity;
import org.yibao.security.ClientKind;
import org.yibao.security.Role;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The claims a platform token carries besides the standard ones ({@code sub} is the client id).
 * A bureau's own identity provider plugs in by issuing these claims in its tokens.
 */
public final class TokenClaims {

    public static final String KIND = "kind";
    public static final String INSTITUTION = "institution";
    public static final String DEPARTMENT = "department";
    public static final String ROLES = "roles";

    private TokenClaims() {
    }

    /** The identity claims of a caller, for the token issuer. */
    public static Map<String, Object> of(CallerIdentity caller) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(KIND, caller.kind().name());
        if (caller.institution() != null) {
            claims.put(INSTITUTION, caller.institution());
        }
        if (caller.department() != null) {
            claims.put(DEPARTMENT, caller.department());
        }
        if (!caller.roles().isEmpty()) {
            claims.put(ROLES, caller.roles().stream().map(Enum::name).sorted().toList());
        }
        return claims;
    }

    /**
     * The caller a verified token names.
     *
     * @throws InvalidIdentityException naming the claim that is missing or wrong
     */
    public static CallerIdentity identity(String subject, Map<String, Object> claims) {
        if (subject == null || subject.isBlank()) {
            throw new InvalidIdentityException("the token has no subject (client id)");
        }
        ClientKind kind = parse(ClientKind.class, claims.get(KIND), KIND);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object rolesClaim = claims.get(ROLES);
        if (rolesClaim instanceof Collection<?> list) {
            for (Object role : list) {
                roles.add(parse(Role.class, role, ROLES));
            }
        } else if (rolesClaim != null) {
            throw new InvalidIdentityException("the token's '" + ROLES + "' claim must be a list");
        }
        try {
            return new CallerIdentity(subject, kind, string(claims.get(INSTITUTION)), string(claims.get(DEPARTMENT)),
                    kind == ClientKind.STAFF ? roles : Set.of());
        } catch (IllegalArgumentException e) {
            throw new InvalidIdentityException("the token does not identify its caller: " + e.getMessage());
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, Object value, String claim) {
        if (value == null) {
            throw new InvalidIdentityException("the token has no '" + claim + "' claim");
        }
        try {
            return Enum.valueOf(type, value.toString());
        } catch (IllegalArgumentException e) {
            throw new InvalidIdentityException("the token's '" + claim + "' claim " + value + " is not one of "
                    + List.of(type.getEnumConstants()));
        }
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    /** A token whose signature holds but which does not say who is calling. */
    public static class InvalidIdentityException extends RuntimeException {
        public InvalidIdentityException(String message) {
            super(message);
        }
    }
}
