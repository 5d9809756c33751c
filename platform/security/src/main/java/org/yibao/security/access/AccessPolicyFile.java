package org.yibao.security.access;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.List;
import java.util.Map;

/**
 * The access policy as it is written (YAML), bound by Jackson:
 * {@code services: {<service>: {"<METHOD> <path pattern>": <who>}}}. Shapes only: the keys, the
 * names of callers and what a rule admitting institutions or departments must declare are checked
 * when {@link AccessPolicy} turns it into {@link AccessRule}s.
 */
record AccessPolicyFile(Map<String, Map<String, Who>> services) {

    /**
     * Who may call one operation: a list of client kinds and staff roles ({@code [AUDITOR, MANAGER]},
     * staff only), or {@code {callers: [...], owner: <Ownership>}}. Callers are kept as written, since
     * a name is either a kind or a role.
     */
    record Who(List<String> callers, Ownership owner) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Who listed(List<String> callers) {
            return new Who(callers, null);
        }
    }
}
