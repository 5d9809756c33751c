package org.yibao.security.clients;

import org.yibao.web.config.FieldPaths;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.yibao.security.CallerIdentity;
import org.yibao.security.ClientKind;
import org.yibao.security.Role;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registered clients (the identity service issues them tokens, the gateway applies their rate limits), read from a YAML file and checked when loaded: a bad
 * entry stops the application with an error naming the client and the field. Jackson binds the file onto
 * {@link ClientsFile} (unknown and repeated keys refused, whole numbers as written); what a client
 * must be is checked here.
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
    private static final String LIMIT_SHAPE = "{burst: <calls>, per-second: <calls>}";
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*)\"");
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // a burst is a whole number as written, and no number is read from quoted text
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private final Map<String, RegisteredClient> clients;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private ClientRegistry(Map<String, RegisteredClient> clients) {
        this.clients = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(clients));
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
        ClientsFile file;
        try {
            file = YAML.readValue(yaml, ClientsFile.class);
        } catch (JacksonException e) {
            throw refusal(e, where);
        }
        if (file == null || file.clients() == null) {
            throw new IllegalStateException(where + ": 'clients' must be a list");
        }
        Map<String, RegisteredClient> clients = new LinkedHashMap<>();
        for (int i = 0; i < file.clients().size(); i++) {
            ClientsFile.Client entry = file.clients().get(i);
            if (entry == null) {
                throw new IllegalStateException(where + ": clients[" + i + "] must be a map");
            }
            RegisteredClient client = client(entry, where + ": clients[" + i + "]");
            if (clients.putIfAbsent(client.clientId(), client) != null) {
                throw new IllegalStateException(where + ": clients[" + i + "].id " + client.clientId() + " is registered twice");
            }
        }
        return new ClientRegistry(clients);
    }

    private static RegisteredClient client(ClientsFile.Client entry, String at) {
        String id = text(entry.id(), "id", at);
        if (!CLIENT_ID.matcher(id).matches()) {
            throw new IllegalStateException(at + ".id must be 1-64 letters, digits, '.', '_' or '-'");
        }
        at = at.replaceFirst("clients\\[\\d+]", "client " + id);
        String secret = text(entry.secret(), "secret", at);
        if (!HASH.matcher(secret).matches()) {
            throw new IllegalStateException(at + ".secret must be a password hash such as {bcrypt}$2a$10$..., never the secret itself");
        }
        ClientKind kind;
        try {
            kind = ClientKind.valueOf(text(entry.kind(), "kind", at));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(at + ".kind must be one of " + List.of(ClientKind.values()));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : Optional.ofNullable(entry.roles()).orElse(List.of())) {
            try {
                roles.add(Role.valueOf(String.valueOf(role)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(at + ".roles: " + role + " is not one of " + List.of(Role.values()));
            }
        }
        CallerIdentity identity;
        try {
            identity = new CallerIdentity(id, kind, optional(entry.institution()), optional(entry.department()), roles);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(at + ": " + e.getMessage());
        }
        return new RegisteredClient(identity, secret, rateLimit(entry.rateLimit(), at));
    }

    private static RateLimit rateLimit(ClientsFile.Limit limit, String at) {
        if (limit == null) {
            return null;
        }
        if (limit.burst() == null || limit.perSecond() == null) {
            throw new IllegalStateException(at + ".rate-limit must be " + LIMIT_SHAPE);
        }
        try {
            return new RateLimit(limit.burst(), limit.perSecond());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(at + ".rate-limit: " + e.getMessage());
        }
    }

    private static String text(String value, String field, String at) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(at + "." + field + " is required");
        }
        return value.trim();
    }

    private static String optional(String value) {
        return value == null ? null : value.trim();
    }

    /** What Jackson refused, in the registry's words: {@code where: path reason}. */
    private static IllegalStateException refusal(JacksonException e, String where) {
        String path = path(e);
        if (e instanceof UnrecognizedPropertyException u) {
            Set<String> known = new TreeSet<>();
            u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            return new IllegalStateException(where + ": " + path + " is not a known field; expected one of " + known, e);
        }
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (e instanceof StreamReadException && duplicate.find()) {
            return new IllegalStateException(where + ": " + (path.isEmpty() ? "" : path + ".") + duplicate.group(1) + " is given twice", e);
        }
        if (!(e instanceof MismatchedInputException m)) {
            return new IllegalStateException(where + " is not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (path.isEmpty() || path.equals("clients")) {
            return new IllegalStateException(where + ": 'clients' must be a list", e);
        }
        return new IllegalStateException(where + ": " + path + " must be " + describe(m.getTargetType())
                + (m instanceof InvalidFormatException f ? ", was " + f.getValue() : ""), e);
    }

    private static String describe(Class<?> target) {
        if (target == Integer.class) {
            return "a whole number";
        }
        if (target == Double.class) {
            return "a number";
        }
        if (target == String.class) {
            return "text";
        }
        if (target == ClientsFile.Limit.class) {
            return LIMIT_SHAPE;
        }
        if (target != null && Collection.class.isAssignableFrom(target)) {
            return "a list";
        }
        return "a map";
    }

    private static String path(JacksonException e) {
        return FieldPaths.of(e);
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

    /** Every registered client, in the file's order. */
    public java.util.Collection<RegisteredClient> all() {
        return java.util.Collections.unmodifiableCollection(clients.values());
    }

    public int size() {
        return clients.size();
    }
}
