package org.yibao.security.access;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yibao.security.CallerIdentity;
import org.yibao.security.ClientKind;
import org.yibao.security.Role;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may call which API: the one policy the gateway enforces for every service and each service
 * enforces again for itself (defence in depth). It is data, {@code org/yibao/security/access-policy.yml};
 * a call no rule covers is refused (deny by default). Rules are checked most specific first.
 */
public final class AccessPolicy {

    public static final String RESOURCE = "org/yibao/security/access-policy.yml";

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final List<AccessRule> rules;

    private AccessPolicy(List<AccessRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The platform's policy, as shipped with this library. */
    public static AccessPolicy platform() {
        try (InputStream in = AccessPolicy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a policy: {@code services: {<service>: {"<METHOD> <path pattern>": <who>}}} where
     * {@code <who>} is either a list of kinds and roles (staff only), or
     * {@code {callers: [<kind or role>, ...], owner: <Ownership>}} — required whenever hospitals,
     * pharmacies or departments are admitted, so that every such operation says on whose objects
     * they may act.
     *
     * @throws IllegalStateException naming the service, rule and entry that is wrong
     */
    public static AccessPolicy parse(String yaml) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalStateException("access policy is not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("services") instanceof Map<?, ?> services)) {
            throw new IllegalStateException("access policy: 'services' must be a map of service name to rules");
        }
        PathPatternParser parser = new PathPatternParser();
        List<AccessRule> rules = new ArrayList<>();
        services.forEach((serviceKey, serviceRules) -> {
            String service = String.valueOf(serviceKey);
            if (!(serviceRules instanceof Map<?, ?> map)) {
                throw new IllegalStateException("access policy: services." + service + " must be a map of \"METHOD /path\" to who may call it");
            }
            map.forEach((ruleKey, allowed) -> rules.add(rule(parser, service, String.valueOf(ruleKey), allowed)));
        });
        rules.sort(Comparator.comparing(AccessRule::path, PathPattern.SPECIFICITY_COMPARATOR));
        return new AccessPolicy(rules);
    }

    private static AccessRule rule(PathPatternParser parser, String service, String key, Object allowed) {
        String where = "access policy: services." + service + ".\"" + key + "\"";
        String[] parts = key.trim().split("\\s+");
        if (parts.length != 2 || !METHODS.contains(parts[0])) {
            throw new IllegalStateException(where + ": the key must be \"<METHOD> <path>\" with METHOD one of " + METHODS);
        }
        String prefix = "/api/" + service + "/";
        if (!parts[1].startsWith(prefix) && !parts[1].equals(prefix.substring(0, prefix.length() - 1))) {
            throw new IllegalStateException(where + ": the path must lie under " + prefix);
        }
        Ownership owner = null;
        Object callers = allowed;
        if (allowed instanceof Map<?, ?> declared) {
            for (Object field : declared.keySet()) {
                if (!"callers".equals(field) && !"owner".equals(field)) {
                    throw new IllegalStateException(where + ": unknown entry '" + field + "'; a rule has 'callers' and 'owner'");
                }
            }
            callers = declared.get("callers");
            Object ownerName = declared.get("owner");
            try {
                owner = ownerName == null ? null : Ownership.valueOf(String.valueOf(ownerName));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ".owner: '" + ownerName + "' is not one of " + List.of(Ownership.values()));
            }
        }
        if (!(callers instanceof List<?> entries) || entries.isEmpty()) {
            throw new IllegalStateException(where + ": must list who may call it (client kinds or staff roles)");
        }
        Set<ClientKind> kinds = EnumSet.noneOf(ClientKind.class);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object entry : entries) {
            String name = String.valueOf(entry);
            if (isKind(name)) {
                kinds.add(ClientKind.valueOf(name));
            } else if (isRole(name)) {
                roles.add(Role.valueOf(name));
            } else {
                throw new IllegalStateException(where + ": '" + name + "' is neither a client kind " + List.of(ClientKind.values())
                        + " nor a staff role " + List.of(Role.values()));
            }
        }
        PathPattern pattern;
        try {
            pattern = parser.parse(parts[1]);
        } catch (RuntimeException e) {
            throw new IllegalStateException(where + ": the path is not a valid pattern: " + e.getMessage(), e);
        }
        boolean institutionsOrDepartments = kinds.contains(ClientKind.HIS) || kinds.contains(ClientKind.PHARMACY)
                || kinds.contains(ClientKind.DEPARTMENT);
        if (institutionsOrDepartments && (owner == null || owner == Ownership.STAFF_ONLY)) {
            throw new IllegalStateException(where + ": admits hospitals, pharmacies or departments, so it must declare "
                    + "'owner' (one of PUBLIC, PERSON, REQUEST, OBJECT, FILTERED): on whose objects they may act");
        }
        if (!institutionsOrDepartments && owner != null && owner != Ownership.STAFF_ONLY) {
            throw new IllegalStateException(where + ": admits only staff, so its owner can only be STAFF_ONLY");
        }
        return new AccessRule(service, HttpMethod.valueOf(parts[0]), pattern, Set.copyOf(kinds), Set.copyOf(roles),
                owner == null ? Ownership.STAFF_ONLY : owner);
    }

    /** Whether this caller may make this call. */
    public AccessDecision decide(String method, String path, CallerIdentity caller) {
        HttpMethod requestMethod = HttpMethod.valueOf(method);
        PathContainer requestPath = PathContainer.parsePath(path);
        for (AccessRule rule : rules) {
            if (rule.matches(requestMethod, requestPath)) {
                return rule.admits(caller) ? AccessDecision.ALLOW : new AccessDecision(AccessDecision.Outcome.FORBIDDEN,
                        caller.kind() + " client " + caller.clientId()
                                + (caller.kind() == ClientKind.STAFF ? " with roles " + caller.roles().stream().map(Enum::name).sorted().toList() : "")
                                + " may not call " + rule + "; it is open to " + rule.admitted());
            }
        }
        return new AccessDecision(AccessDecision.Outcome.NO_RULE, "no API answers " + method + " " + path);
    }

    /** The rule that covers this call, if any (most specific first). */
    public java.util.Optional<AccessRule> ruleFor(String method, String path) {
        HttpMethod requestMethod = HttpMethod.valueOf(method);
        PathContainer requestPath = PathContainer.parsePath(path);
        return rules.stream().filter(rule -> rule.matches(requestMethod, requestPath)).findFirst();
    }

    /** Whether some rule covers this call, whoever makes it (an API without a rule is unreachable). */
    public boolean covers(String method, String path) {
        HttpMethod requestMethod = HttpMethod.valueOf(method);
        PathContainer requestPath = PathContainer.parsePath(path);
        return rules.stream().anyMatch(rule -> rule.matches(requestMethod, requestPath));
    }

    /** The rules of one service (the gateway's name for it, as in {@code /api/<service>/}). */
    public List<AccessRule> rulesOf(String service) {
        return rules.stream().filter(r -> r.service().equals(service)).toList();
    }

    public List<AccessRule> rules() {
        return rules;
    }

    private static boolean isKind(String name) {
        return EnumSet.allOf(ClientKind.class).stream().anyMatch(k -> k.name().equals(name));
    }

    private static boolean isRole(String name) {
        return EnumSet.allOf(Role.class).stream().anyMatch(r -> r.name().equals(name));
    }
}
