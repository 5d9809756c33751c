package org.yibao.security;

import org.yibao.web.problem.ForbiddenException;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as a verified token states it. Services receive it as a controller argument and
 * use it to keep a hospital to its own institution and a department to its own feed; they never
 * take an institution code from the request body on trust.
 *
 * @param clientId       the registered client (token subject); for staff, the staff member's id
 * @param institution    the institution code for {@link ClientKind#HIS} and {@link ClientKind#PHARMACY}
 * @param department     the department code for {@link ClientKind#DEPARTMENT}
 * @param roles          the roles of {@link ClientKind#STAFF}; empty for other kinds
 */
public record CallerIdentity(String clientId, ClientKind kind, String institution, String department, Set<Role> roles) {

    public CallerIdentity {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(kind, "kind");
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        String missing = switch (kind) {
            case HIS, PHARMACY -> blank(institution) ? "institution" : null;
            case DEPARTMENT -> blank(department) ? "department" : null;
            case STAFF -> roles.isEmpty() ? "roles" : null;
        };
        if (missing != null) {
            throw new IllegalArgumentException("a " + kind + " client needs " + missing);
        }
    }

    public static CallerIdentity his(String clientId, String institution) {
        return new CallerIdentity(clientId, ClientKind.HIS, institution, null, Set.of());
    }

    public static CallerIdentity pharmacy(String clientId, String institution) {
        return new CallerIdentity(clientId, ClientKind.PHARMACY, institution, null, Set.of());
    }

    public static CallerIdentity department(String clientId, String department) {
        return new CallerIdentity(clientId, ClientKind.DEPARTMENT, null, department, Set.of());
    }

    public static CallerIdentity staff(String staffId, Role... roles) {
        return new CallerIdentity(staffId, ClientKind.STAFF, null, null, Set.of(roles));
    }

    /** Hospitals and pharmacies act for one institution; everyone else for the bureau or a department. */
    public boolean actsForInstitution() {
        return kind == ClientKind.HIS || kind == ClientKind.PHARMACY;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /**
     * Refuses (403) a hospital or pharmacy acting on another institution's behalf. Staff act for
     * the bureau and pass.
     *
     * @param field where the request named the institution, for the answer
     */
    public void requireOwnInstitution(String institutionCode, String field) {
        if (actsForInstitution() && !institution.equals(institutionCode)) {
            throw new ForbiddenException(field + " is " + institutionCode + " but this client acts only for institution "
                    + institution);
        }
    }

    /**
     * Refuses (403) a hospital or pharmacy acting on something another institution filed, or the bureau
     * (a null filer): it withdraws or cancels only what it filed itself. Staff pass.
     *
     * @param object what is acted on, for the answer ("certification 1f3c...")
     */
    public void requireFiledByOwnInstitution(String filerInstitution, String object) {
        if (actsForInstitution() && !institution.equals(filerInstitution)) {
            throw new ForbiddenException(object + " was not filed by institution " + institution
                    + "; a hospital or pharmacy acts only on what it filed itself");
        }
    }

    /** Refuses (403) a department supplying another department's records. Staff pass. */
    public void requireOwnDepartment(String departmentCode, String field) {
        if (kind == ClientKind.DEPARTMENT && !department.equals(departmentCode)) {
            throw new ForbiddenException(field + " is " + departmentCode + " but this client supplies only "
                    + department + " records");
        }
    }

    /** For audit lines: who, in a few characters. */
    public String describe() {
        return switch (kind) {
            case HIS, PHARMACY -> kind + ":" + clientId + "@" + institution;
            case DEPARTMENT -> kind + ":" + clientId + "@" + department;
            case STAFF -> kind + ":" + clientId + roles.stream().map(Enum::name).sorted().toList();
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
