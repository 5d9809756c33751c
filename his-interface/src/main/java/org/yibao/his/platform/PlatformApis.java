package org.yibao.his.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.yibao.his.envelope.HisException;
import org.yibao.security.token.CallerAuthentication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's own APIs, called on the hospital's behalf with the hospital's own token (so each
 * service applies its own rules to the same caller). A refusal from a service becomes the
 * transaction's err_msg.
 */
@Component
public class PlatformApis {

    private final RestClient http;
    private final Map<String, String> services;
    private final JsonMapper json;

    PlatformApis(Properties properties, JsonMapper json) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(properties.timeout());
        this.http = RestClient.builder().requestFactory(requests).build();
        this.services = properties.services();
        this.json = json;
    }

    @ConfigurationProperties("yibao.his")
    record Properties(Duration timeout, Map<String, String> services) {
    }

    public JsonNode get(String service, String path) {
        return call(service, path, null).orElseThrow(() -> new HisException(service + " has no " + path));
    }

    /** A GET that may find nothing (404). */
    public Optional<JsonNode> find(String service, String path) {
        return call(service, path, null);
    }

    public JsonNode post(String service, String path, Object body) {
        return call(service, path, body).orElseThrow(() -> new HisException(service + " has no " + path));
    }

    private Optional<JsonNode> call(String service, String path, Object body) {
        String base = services.get(service);
        String token = CallerAuthentication.currentToken().orElseThrow();
        try {
            RestClient.RequestHeadersSpec<?> request = body == null
                    ? http.get().uri(base + path)
                    : http.post().uri(base + path).contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
            return request.header("Authorization", "Bearer " + token)
                    .exchange((req, response) -> {
                        HttpStatusCode status = response.getStatusCode();
                        String text = new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        if (status.value() == 404 && body == null) {
                            return Optional.<JsonNode>empty();
                        }
                        if (status.isError()) {
                            throw new HisException(refusal(service, status, text));
                        }
                        return Optional.of(json.readTree(text));
                    });
        } catch (ResourceAccessException e) {
            throw new HisException(body == null
                    ? "the platform's " + service + " service did not answer; send the message again"
                    : "the platform's " + service + " service did not answer in time; the change may have been made there: send the "
                    + "same message again (a settlement is found again by its visit and segment, never made twice)");
        }
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
