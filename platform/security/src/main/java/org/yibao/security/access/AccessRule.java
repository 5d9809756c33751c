package org.yibao.security.access;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.yibao.security.CallerIdentity;
import org.yibao.security.ClientKind;
import org.yibao.security.Role;

import java.util.Set;

/**
 * One line of the access policy: a method and path pattern, who may call it, and on which objects.
 * {@code kinds} admits hospitals, pharmacies or departments (and STAFF admits any staff member);
 * {@code roles} admits staff holding one of them; {@code owner} says which objects an admitted
 * institution or department may act on.
 */
public record AccessRule(String service, HttpMethod method, PathPattern path, Set<ClientKind> kinds, Set<Role> roles,
                         Ownership owner) {

    /** Whether hospitals, pharmacies or departments are admitted (so ownership matters). */
    public boolean admitsInstitutionsOrDepartments() {
        return kinds.contains(ClientKind.HIS) || kinds.contains(ClientKind.PHARMACY) || kinds.contains(ClientKind.DEPARTMENT);
    }

    /** Whether this caller may make this call (by kind or role, before any ownership check). */
    public boolean admits(CallerIdentity caller) {
        if (kinds.contains(caller.kind())) {
            return true;
        }
        return caller.kind() == ClientKind.STAFF && caller.roles().stream().anyMatch(roles::contains);
    }

    boolean matches(HttpMethod requestMethod, PathContainer requestPath) {
        return (method.equals(requestMethod) || (method == HttpMethod.GET && requestMethod == HttpMethod.HEAD))
                && path.matches(requestPath);
    }

    /** Who the rule admits, for a refusal's reason. */
    String admitted() {
        StringBuilder who = new StringBuilder();
        kinds.stream().map(Enum::name).sorted().forEach(k -> who.append(who.isEmpty() ? "" : ", ").append(k));
        roles.stream().map(r -> "staff with role " + r).sorted().forEach(r -> who.append(who.isEmpty() ? "" : ", ").append(r));
        return who.toString();
    }

    @Override
    public String toString() {
        return method + " " + path.getPatternString();
    }
}
