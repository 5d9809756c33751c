package org.yibao.testsupport.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bearer token from a running platform's gateway, as a load generator's client gets it (OAuth 2.0
 * client credentials). The local platform registers {@code bench-his} and {@code bench-staff}
 * (secret {@code local-bench-secret}) for the benchmarks.
 */
public final class PlatformTokens {

    public static final String BENCH_HIS = "bench-his";
    public static final String BENCH_STAFF = "bench-staff";
    public static final String BENCH_SECRET = "local-bench-secret";

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    private PlatformTokens() {
    }

    public static String clientCredentials(String gateway, String clientId, String secret) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("the gateway at " + gateway + " gave no token to " + clientId + ": "
                    + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    /** The benchmark's staff client, which holds the roles the benchmarks' set-up calls need. */
    public static String benchStaff(String gateway) throws IOException, InterruptedException {
        return clientCredentials(gateway, BENCH_STAFF, BENCH_SECRET);
    }

    /** The benchmark hospital HBENCH0000001, without a practical rate limit. */
    public static String benchHospital(String gateway) throws IOException, InterruptedException {
        return clientCredentials(gateway, BENCH_HIS, BENCH_SECRET);
    }
}
