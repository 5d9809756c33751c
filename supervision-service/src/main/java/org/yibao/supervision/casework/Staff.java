package org.yibao.supervision.casework;

import org.yibao.security.CallerIdentity;
import org.yibao.security.ClientKind;
import org.yibao.web.problem.ForbiddenException;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The staff member behind a case step, from the verified token: the person is the token's
 * subject, the roles its roles claim. The access policy lets only staff reach case work; the
 * separation of 查、处、审 between different people is checked per case by {@link CaseService}.
 */
public record Staff(String id, Set<String> roles) {

    static Staff of(CallerIdentity caller) {
        if (caller.kind() != ClientKind.STAFF) {
            throw new ForbiddenException("case work is done by a named staff member, not a " + caller.kind() + " client");
        }
        return new Staff(caller.clientId(), caller.roles().stream().map(Enum::name).collect(Collectors.toSet()));
    }
}
