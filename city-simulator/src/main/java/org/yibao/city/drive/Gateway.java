package org.yibao.city.drive;

import org.yibao.testsupport.bench.PlatformTokens;
import org.yibao.testsupport.client.KeepAliveHttp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platform as the city's callers see it: the gateway, one OAuth 2.0 client per institution,
 * department and the bureau. Tokens are fetched with client credentials and fetched again when they
 * expire; a 429 is waited out and retried (a bounded number of times), as a well-behaved HIS would.
 * Every call's latency is recorded under its API.
 */
public final class Gateway {

    /**
     * A call's final answer.
     *
     * @param attempts how many times the call was sent
     * @param uncertain whether an earlier sending's outcome is unknown: it was answered 502, 503 or 504, or its connection
     *                  failed, so it may have been carried out and its answer lost; a 200 "already done" is then possibly
     *                  this call's own work. A 429 or 401 before is not: those never reach the service.
     */
    public record Response(int status, String body, int attempts, boolean uncertain) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** A call the platform refused or failed: the report names it. */
    public static final class CallFailed extends RuntimeException {
        public CallFailed(String api, Response response) {
            super(api + " answered " + response.status() + ": " + abbreviate(response.body()));
        }

        private static String abbreviate(String body) {
            return body.length() > 600 ? body.substring(0, 600) + "..." : body;
        }
    }

    private static final Duration TOKEN_REUSE = Duration.ofMinutes(10);
    private static final int MAX_ATTEMPTS = 8;

    private record Token(String value, long fetchedAt) {
    }

    private final URI base;
    private final java.util.function.Function<String, String> secretOf;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Latencies latencies = new Latencies();

    /** @param secretOf each client's secret */
    public Gateway(URI base, java.util.function.Function<String, String> secretOf) {
        this.base = base;
        this.secretOf = secretOf;
    }

    public URI base() {
        return base;
    }

    public Latencies latencies() {
        return latencies;
    }

    /**
     * A JSON POST over the caller's own keep-alive connection (the hot path: settlements, reversals, uploads, each with
     * its idempotency key): besides a 429 and a 503, a 502 or 504 — the gateway's "may or may not have taken effect;
     * retry with the same idempotency key" — is sent again, as the platform asks.
     */
    public Response post(KeepAliveHttp connection, String clientId, String api, String path, String json) {
        boolean uncertain = false;
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            KeepAliveHttp.Response r;
            try {
                r = connection.postAs(token(clientId), path, json);
            } catch (IOException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new java.io.UncheckedIOException(api + " failed " + attempt + " times", e);
                }
                uncertain = true;
                pause(attempt);
                continue;
            }
            latencies.record(api, System.nanoTime() - started);
            Response response = new Response(r.status(), r.body(), attempt, uncertain);
            if ((r.status() == 502 || r.status() == 503 || r.status() == 504) && attempt < MAX_ATTEMPTS) {
                uncertain = true;
                pause(attempt);
                continue;
            }
            if (!retry(clientId, response, attempt)) {
                return response;
            }
        }
    }

    /** Any call with the JDK client (set-up, files, reports); {@code body} null for a GET. */
    public Response call(String clientId, String method, String api, String path, String contentType, String body,
                         Duration timeout) {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                    .header("Authorization", "Bearer " + token(clientId)).header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            long started = System.nanoTime();
            Response response;
            try {
                HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                response = new Response(r.statusCode(), r.body(), attempt, false);
            } catch (IOException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new java.io.UncheckedIOException(api + " failed " + attempt + " times", e);
                }
                pause(attempt);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            latencies.record(api, System.nanoTime() - started);
            if (!retry(clientId, response, attempt)) {
                return response;
            }
        }
    }

    public Response get(String clientId, String api, String path) {
        return call(clientId, "GET", api, path, null, null, Duration.ofMinutes(2));
    }

    /** A GET that must succeed. */
    public String read(String clientId, String api, String path) {
        Response r = get(clientId, api, path);
        if (!r.ok()) {
            throw new CallFailed(api, r);
        }
        return r.body();
    }

    public Response postJson(String clientId, String api, String path, String json) {
        return call(clientId, "POST", api, path, "application/json", json, Duration.ofMinutes(1));
    }

    public Response postCsv(String clientId, String api, String path, String csv) {
        return call(clientId, "POST", api, path, "text/csv", csv, Duration.ofMinutes(10));
    }

    /** Whether to send again: an expired token is renewed once, a rate limit waited out. */
    private boolean retry(String clientId, Response response, int attempt) {
        if (attempt >= MAX_ATTEMPTS) {
            return false;
        }
        if (response.status() == 401 && attempt == 1) {
            tokens.remove(clientId);
            return true;
        }
        if (response.status() == 429 || response.status() == 503) {
            pause(attempt);
            return true;
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(5_000, 100L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String token(String clientId) {
        Token token = tokens.get(clientId);
        if (token == null || System.nanoTime() - token.fetchedAt() > TOKEN_REUSE.toNanos()) {
            token = new Token(fetchToken(clientId), System.nanoTime());
            tokens.put(clientId, token);
        }
        return token.value();
    }

    private String fetchToken(String clientId) {
        try {
            return PlatformTokens.clientCredentials(base.toString(), clientId, secretOf.apply(clientId));
        } catch (IOException e) {
            throw new IllegalStateException("the gateway at " + base + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
