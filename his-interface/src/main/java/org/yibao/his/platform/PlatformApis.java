package org.yibao.his.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.yibao.his.national.HisException;
import org.yibao.security.token.CallerAuthentication;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's own APIs, called on the hospital's behalf with the hospital's own token (so each
 * service applies its own rules to the same caller). A refusal from a service becomes the
 * transaction's err_msg.
 *
 * <p>An answer is read as a tree, or bound onto a record ({@link SettlementClient}): every member the
 * record has must be in the answer (null is allowed), members it does not have are ignored, so that a
 * member a service renames fails where the answer is bound, naming it.
 */
@Component
public class PlatformApis {

    private final RestClient http;
    private final Map<String, String> services;
    /** Each service's instances, from its comma-separated address. */
    private final Map<String, List<String>> instances = new java.util.concurrent.ConcurrentHashMap<>();
    /** Whose turn it is, per service. */
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> turns = new java.util.concurrent.ConcurrentHashMap<>();
    private final JsonMapper json;
    private final ObjectReader binding;

    PlatformApis(Properties properties, JsonMapper json,
                 org.springframework.beans.factory.ObjectProvider<io.micrometer.observation.ObservationRegistry> observations) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(properties.timeout());
        // observed: the call's span is a child of the hospital's transaction and its traceparent goes to the service
        this.http = RestClient.builder().requestFactory(requests)
                .observationRegistry(observations.getIfAvailable(() -> io.micrometer.observation.ObservationRegistry.NOOP)).build();
        this.services = properties.services();
        this.json = json;
        this.binding = binding(json);
    }

    @ConfigurationProperties("yibao.his")
    record Properties(Duration timeout, Map<String, String> services) {
    }

    /** How an answer is bound onto a record: every member of the record required, any other ignored. */
    static ObjectReader binding(JsonMapper json) {
        return json.reader()
                .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public JsonNode get(String service, String path) {
        return json.readTree(call(service, path, null).orElseThrow(() -> new HisException(service + " has no " + path)));
    }

    /** A GET that may find nothing (404). */
    public Optional<JsonNode> find(String service, String path) {
        return call(service, path, null).map(json::readTree);
    }

    public JsonNode post(String service, String path, Object body) {
        return json.readTree(call(service, path, body).orElseThrow(() -> new HisException(service + " has no " + path)));
    }

    /** A GET whose answer is bound onto a type. */
    <T> T get(String service, String path, JavaType type) {
        return bind(service, path, call(service, path, null).orElseThrow(() -> new HisException(service + " has no " + path)), type);
    }

    /** A GET that may find nothing (404), its answer bound onto a type. */
    <T> Optional<T> find(String service, String path, JavaType type) {
        return call(service, path, null).map(text -> bind(service, path, text, type));
    }

    /** A POST whose answer is bound onto a type. */
    <T> T post(String service, String path, Object body, JavaType type) {
        return bind(service, path, call(service, path, body).orElseThrow(() -> new HisException(service + " has no " + path)), type);
    }

    JavaType type(Class<?> type) {
        return json.constructType(type);
    }

    JavaType listOf(Class<?> element) {
        return json.getTypeFactory().constructCollectionType(List.class, element);
    }

    private <T> T bind(String service, String path, String text, JavaType type) {
        return bind(binding, text, type, service + "'s answer to " + path);
    }

    /** An answer bound onto a type; an answer that does not bind is the platform's fault, not the hospital's. */
    static <T> T bind(ObjectReader binding, String text, JavaType type, String what) {
        try {
            return binding.forType(type).readValue(text);
        } catch (JacksonException e) {
            throw new IllegalStateException(what + " does not bind onto " + type.getRawClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** How many times a call answered 503 (a transient fault there: nothing changed) is made, the same request each time. */
    static final int ATTEMPTS = 3;

    /**
     * A call to a platform service; a 503 (its transient fault) of a call {@link #safeToRepeat} is sent again, the same
     * request with the same message id, after its Retry-After (at most 1 s) — at most {@link #ATTEMPTS} times in all — and
     * then refused as the service's answer, for the hospital to send the message again.
     */
    private Optional<String> call(String service, String path, Object body) {
        return safeToRepeat(path, body) ? retrying(service, () -> once(service, path, body)) : retrying(service, 1, () -> once(service, path, body));
    }

    /**
     * Whether a call may be sent again on a 503 without doing twice what a fault at its commit may have done: a read, a
     * pre-settlement (computes, stores nothing), a check of the fee lines' mappings (reads), a settlement (idempotent by its
     * message id). A reversal, a filing or an
     * upload is not sent again: the hospital is told to send its message again, and the platform answers it as it stands.
     */
    static boolean safeToRepeat(String path, Object body) {
        return body == null || path.equals("/api/settlement/pre-settlements") || path.equals("/api/settlement/settlements")
                || path.endsWith("/item-mappings/check");
    }

    /** A call made again on the service's 503, at most {@link #ATTEMPTS} times in all, after each answer's Retry-After. */
    static <T> T retrying(String service, java.util.function.Supplier<T> call) {
        return retrying(service, ATTEMPTS, call);
    }

    static <T> T retrying(String service, int attempts, java.util.function.Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (Unavailable e) {
                if (attempt >= attempts) {
                    throw new HisException("the platform's " + service + " service is briefly unavailable (" + e.getMessage()
                            + "): send the same message again");
                }
                try {
                    Thread.sleep(e.retryAfterMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new HisException("interrupted while the " + service + " service was unavailable; send the message again");
                }
            }
        }
    }

    /** A service's 503: transient, to be sent again after {@code retryAfterMillis}. */
    static final class Unavailable extends RuntimeException {
        final long retryAfterMillis;

        Unavailable(String detail, long retryAfterMillis) {
            super(detail, null, false, false);
            this.retryAfterMillis = retryAfterMillis;
        }
    }

    /**
     * Retry-After in seconds as the service sent it, at most 1 s (the wait holds the message's own transaction, and the
     * hospital's timeout runs); 200 ms when absent or unreadable.
     */
    static long retryAfterMillis(String header) {
        try {
            return header == null ? 200 : Math.min(1_000, Math.max(0, Long.parseLong(header.trim())) * 1_000);
        } catch (NumberFormatException e) {
            return 200;
        }
    }

    /**
     * One call to the service. A service may be given as several instances ({@code yibao.his.services.<name>}
     * comma-separated: the local platform's {@code --instances}); the calls take turns over them, and a call whose
     * connection was refused goes to the next instance (nothing reached the first). A Kubernetes Service is one address.
     */
    private Optional<String> once(String service, String path, Object body) {
        List<String> bases = instances.computeIfAbsent(service, name -> java.util.Arrays.stream(
                services.getOrDefault(name, "").split(",")).map(String::trim).filter(b -> !b.isEmpty()).toList());
        if (bases.isEmpty()) {
            throw new IllegalStateException("yibao.his.services." + service + " names no address");
        }
        int first = Math.floorMod(turns.computeIfAbsent(service, name -> new java.util.concurrent.atomic.AtomicInteger())
                .getAndIncrement(), bases.size());
        for (int i = 0; ; i++) {
            try {
                return once(bases.get((first + i) % bases.size()), service, path, body);
            } catch (ResourceAccessException e) {
                if (!refused(e)) {
                    throw new HisException(body == null
                            ? "the platform's " + service + " service did not answer; send the message again"
                            : "the platform's " + service + " service did not answer in time; the change may have been made there: "
                            + "send the same message again (a settlement is found again by its visit and segment, never made twice)");
                }
                if (i + 1 >= bases.size()) {
                    throw new HisException("the platform's " + service + " service could not be reached; nothing was done there: "
                            + "send the message again");
                }
            }
        }
    }

    /** Whether the call's connection was refused: it never reached the service. */
    static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    private Optional<String> once(String base, String service, String path, Object body) {
        String token = CallerAuthentication.currentToken().orElseThrow();
        RestClient.RequestHeadersSpec<?> request = body == null
                ? http.get().uri(base + path)
                : http.post().uri(base + path).contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
        return request.header("Authorization", "Bearer " + token)
                .exchange((req, response) -> {
                    HttpStatusCode status = response.getStatusCode();
                    String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    if (status.value() == 404 && body == null) {
                        return Optional.<String>empty();
                    }
                    if (status.value() == 503) {
                        throw new Unavailable(refusal(service, status, text), retryAfterMillis(response.getHeaders().getFirst("Retry-After")));
                    }
                    if (status.isError()) {
                        throw new HisException(refusal(service, status, text));
                    }
                    return Optional.of(text);
                });
    }

    /** The service's problem, in a line: its detail, or each invalid field and why. */
    private String refusal(String service, HttpStatusCode status, String text) {
        try {
            JsonNode problem = json.readTree(text);
            return service + " refused (" + status.value() + "): " + problem.path("detail").asString(text);
        } catch (RuntimeException e) {
            return service + " refused (" + status.value() + ")";
        }
    }
}
