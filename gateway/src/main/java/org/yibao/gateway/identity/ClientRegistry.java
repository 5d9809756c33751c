package org.yibao.gateway.identity;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yibao.gateway.ratelimit.RateLimit;
import org.yibao.security.CallerIdentity;
import org.yibao.security.ClientKind;
import org.yibao.security.Role;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The clients the gateway issues tokens to, read from a YAML file and checked when loaded: a bad
 * entry stops the gateway with an error naming the client and the field.
 *
 * <pre>
 * clients:
 *   - id: his-H44170000003
 *     secret: "{bcrypt}$2a$10$..."
 *     kind: HIS
 *     institution: H44170000003
 *     rate-limit: {burst: 400, per-second: 200}   # optional
 * </pre>
 */
public final class ClientRegistry {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");
    private static final Pattern HASH = Pattern.compile("\\{(bcrypt|pbkdf2@SpringSecurity_v5_8|argon2@SpringSecurity_v5_8|scrypt@SpringSecurity_v5_8)}.+");

    private final Map<String, RegisteredClient> clients;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private ClientRegistry(Map<String, RegisteredClient> clients) {
        this.clients = Map.copyOf(clients);
    }

    public static ClientRegistry load(ResourceLoader loader, String location) {
        Resource resource = loader.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), location);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the registered clients at " + location, e);
        }
    }

    static ClientRegistry parse(String yaml, String where) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalStateException(where + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("clients") instanceof List<?> entries)) {
            throw new IllegalStateException(where + ": 'clients' must be a list");
        }
        Map<String, RegisteredClient> clients = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new IllegalStateException(where + ": clients[" + i + "] must be a map");
            }
            RegisteredClient client = client(entry, where + ": clients[" + i + "]");
            if (clients.putIfAbsent(client.clientId(), client) != null) {
                throw new IllegalStateException(where + ": clients[" + i + "].id " + client.clientId() + " is registered twice");
            }
        }
        return new ClientRegistry(clients);
    }

    private static RegisteredClient client(Map<?, ?> entry, String at) {
        String id = text(entry, "id", at);
        if (!CLIENT_ID.matcher(id).matches()) {
            throw new IllegalStateException(at + ".id must be 1-64 letters, digits, '.', '_' or '-'");
        }
        at = at.replaceFirst("clients\\[\\d+]", "client " + id);
        String secret = text(entry, "secret", at);
        if (!HASH.matcher(secret).matches()) {
            throw new IllegalStateException(at + ".secret must be a password hash such as {bcrypt}$2a$10$..., never the secret itself");
        }
        ClientKind kind;
        try {
            kind = ClientKind.valueOf(text(entry, "kind", at));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(at + ".kind must be one of " + List.of(ClientKind.values()));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (entry.get("roles") instanceof List<?> list) {
            for (Object role : list) {
                try {
                    roles.add(Role.valueOf(String.valueOf(role)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(at + ".roles: " + role + " is not one of " + List.of(Role.values()));
                }
            }
        }
        CallerIdentity identity;
        try {
            identity = new CallerIdentity(id, kind, optional(entry, "institution"), optional(entry, "department"), roles);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(at + ": " + e.getMessage());
        }
        return new RegisteredClient(identity, secret, rateLimit(entry.get("rate-limit"), at));
    }

    private static RateLimit rateLimit(Object value, String at) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map) || !(map.get("burst") instanceof Number burst)
                || !(map.get("per-second") instanceof Number perSecond)) {
            throw new IllegalStateException(at + ".rate-limit must be {burst: <calls>, per-second: <calls>}");
        }
        try {
            return new RateLimit(burst.intValue(), perSecond.doubleValue());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(at + ".rate-limit: " + e.getMessage());
        }
    }

    private static String text(Map<?, ?> entry, String field, String at) {
        Object value = entry.get(field);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException(at + "." + field + " is required");
        }
        return value.toString().trim();
    }

    private static String optional(Map<?, ?> entry, String field) {
        Object value = entry.get(field);
        return value == null ? null : value.toString().trim();
    }

    /**
     * The client these credentials belong to, if the secret matches. Deliberately slow (a password
     * hash): call it off the event loop.
     */
    public Optional<RegisteredClient> authenticate(String clientId, String secret) {
        RegisteredClient client = clientId == null ? null : clients.get(clientId);
        // an unknown id costs the same hash as a known one, so the answer's time does not tell which ids exist
        boolean matches = passwords.matches(secret == null ? "" : secret, client == null ? unknownClientHash() : client.secretHash());
        return client != null && secret != null && matches ? Optional.of(client) : Optional.empty();
    }

    private volatile String unknownClientHash;

    /** A hash of a random secret at the cost of the registered ones (the first client's hash scheme and strength). */
    private String unknownClientHash() {
        String hash = unknownClientHash;
        if (hash == null) {
            String model = clients.values().stream().map(RegisteredClient::secretHash).findFirst().orElse("{bcrypt}$2a$10$");
            java.util.regex.Matcher bcrypt = java.util.regex.Pattern.compile("^\\{bcrypt}\\$2[aby]?\\$(\\d\\d)\\$").matcher(model);
            String random = java.util.UUID.randomUUID().toString();
            hash = bcrypt.find()
                    ? "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(Integer.parseInt(bcrypt.group(1))).encode(random)
                    : passwords.encode(random);
            unknownClientHash = hash;
        }
        return hash;
    }

    public Optional<RegisteredClient> find(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    public int size() {
        return clients.size();
    }
}
