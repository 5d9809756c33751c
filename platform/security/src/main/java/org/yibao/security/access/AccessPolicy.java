package org.yibao.security.access;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.yibao.security.CallerIdentity;
import org.yibao.security.ClientKind;
import org.yibao.security.Role;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may call which API: the one policy the gateway enforces for every service and each service
 * enforces again for itself (defence in depth). It is data, {@code org/yibao/security/access-policy.yml};
 * a call no rule covers is refused (deny by default). Rules are checked most specific first. Jackson
 * binds the file onto {@link AccessPolicyFile} (unknown and repeated keys refused); what a rule must
 * be is checked here.
 */
public final class AccessPolicy {

    public static final String RESOURCE = "org/yibao/security/access-policy.yml";

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final String WHERE = "access policy: ";
    private static final String WHO = "must list who may call it (client kinds or staff roles)";
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*)\"");
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

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
        AccessPolicyFile file;
        try {
            file = YAML.readValue(yaml, AccessPolicyFile.class);
        } catch (JacksonException e) {
            throw refusal(e);
        }
        if (file == null || file.services() == null) {
            throw new IllegalStateException(WHERE + "'services' must be a map of service name to rules");
        }
        PathPatternParser parser = new PathPatternParser();
        List<AccessRule> rules = new ArrayList<>();
        file.services().forEach((service, serviceRules) -> {
            if (serviceRules == null) {
                throw new IllegalStateException(WHERE + "services." + service + " must be a map of \"METHOD /path\" to who may call it");
            }
            serviceRules.forEach((key, who) -> rules.add(rule(parser, service, key, who)));
        });
        rules.sort(Comparator.comparing(AccessRule::path, PathPattern.SPECIFICITY_COMPARATOR));
        return new AccessPolicy(rules);
    }

    private static AccessRule rule(PathPatternParser parser, String service, String key, AccessPolicyFile.Who who) {
        String where = WHERE + "services." + service + ".\"" + key + "\"";
        String[] parts = key.trim().split("\\s+");
        if (parts.length != 2 || !METHODS.contains(parts[0])) {
            throw new IllegalStateException(where + ": the key must be \"<METHOD> <path>\" with METHOD one of " + METHODS);
        }
        String prefix = "/api/" + service + "/";
        if (!parts[1].startsWith(prefix) && !parts[1].equals(prefix.substring(0, prefix.length() - 1))) {
            throw new IllegalStateException(where + ": the path must lie under " + prefix);
        }
        if (who == null || who.callers() == null || who.callers().isEmpty()) {
            throw new IllegalStateException(where + ": " + WHO);
        }
        Ownership owner = who.owner();
        Set<ClientKind> kinds = EnumSet.noneOf(ClientKind.class);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : who.callers()) {
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

    // --- what Jackson refused, in the policy's words ---

    private static IllegalStateException refusal(JacksonException e) {
        List<String> path = new ArrayList<>();
        for (JacksonException.Reference r : e.getPath()) {
            path.add(r.getIndex() >= 0 ? "[" + r.getIndex() + "]" : quoted(r.getPropertyName()));
        }
        String at = String.join(".", path).replace(".[", "[");
        if (e instanceof UnrecognizedPropertyException u) {
            Set<String> known = new TreeSet<>();
            u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            return new IllegalStateException(WHERE + at + ": is not a known field; expected one of " + known, e);
        }
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (e instanceof StreamReadException && duplicate.find()) {
            return new IllegalStateException(WHERE + (at.isEmpty() ? "" : at + ".") + quoted(duplicate.group(1)) + ": is given twice", e);
        }
        if (!(e instanceof MismatchedInputException m)) {
            return new IllegalStateException("access policy is not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (m instanceof InvalidFormatException f && f.getTargetType() == Ownership.class) {
            return new IllegalStateException(WHERE + at + ": '" + f.getValue() + "' is not one of " + List.of(Ownership.values()), e);
        }
        return new IllegalStateException(switch (path.size()) {
            case 0, 1 -> WHERE + "'services' must be a map of service name to rules";
            case 2 -> WHERE + at + " must be a map of \"METHOD /path\" to who may call it";
            case 3 -> WHERE + at + ": " + WHO;
            default -> WHERE + at + ": must be " + (m.getTargetType() == String.class ? "a name"
                    : m.getTargetType() == Ownership.class ? "one of " + List.of(Ownership.values()) : "a list of names");
        }, e);
    }

    /** A key as a path names it: quoted unless it is one plain word ({@code services.settlement."GET /api/settlement/x"}). */
    private static String quoted(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key + "\"";
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
