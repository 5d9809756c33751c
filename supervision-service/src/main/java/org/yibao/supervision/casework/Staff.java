package org.yibao.supervision.casework;

import org.yibao.web.problem.InvalidRequestException;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The staff member behind a request, as the gateway states it in the {@code X-Staff-Id} and
 * {@code X-Staff-Roles} headers. ASSUMPTION until the gateway's client identity (issue 8) verifies
 * and sets these headers: the service trusts them, and refuses a request without them.
 */
public record Staff(String id, Set<String> roles) {

    public static final String ID_HEADER = "X-Staff-Id";
    public static final String ROLES_HEADER = "X-Staff-Roles";

    static Staff from(String id, String roles) {
        if (id == null || id.isBlank()) {
            throw new InvalidRequestException(ID_HEADER, "is required: case work is done by a named staff member");
        }
        Set<String> set = roles == null ? Set.of()
                : Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
        return new Staff(id.trim(), set);
    }
}
