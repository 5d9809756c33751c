package org.yibao.gateway.openapi;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.yibao.gateway.routing.GatewayProperties;
import org.yibao.web.problem.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import java.time.Duration;
import java.util.Map;

/**
 * The platform's API documents, served by the door: each service's OpenAPI document as it states
 * it, and one combined document with every service's paths, its schemas under the service's name
 * (two services may both have a "LineView"), and the bearer-token scheme callers use.
 */
@RestController
public class ApiDocs {

    private static final String SCHEMAS = "#/components/schemas/";

    private final GatewayProperties properties;
    private final JsonMapper json;
    private final WebClient http = WebClient.create();

    public ApiDocs(GatewayProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @GetMapping(path = "/openapi/{service}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<JsonNode> service(@PathVariable String service) {
        if (!properties.getServices().containsKey(service)) {
            return Mono.error(new NotFoundException("no service " + service + "; services: " + properties.getServices().keySet()));
        }
        return fetch(service);
    }

    @GetMapping(path = "/openapi", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<JsonNode> combined() {
        return Flux.fromIterable(properties.getServices().keySet())
                .flatMapSequential(name -> fetch(name).map(doc -> Map.entry(name, doc))
                        // a stopped service leaves its part out rather than the whole document
                        .onErrorResume(e -> Mono.empty()))
                .collectList()
                .map(docs -> {
                    ObjectNode combined = header();
                    docs.forEach(doc -> merge(combined, doc.getKey(), doc.getValue()));
                    return combined;
                });
    }

    private Mono<JsonNode> fetch(String service) {
        return http.get().uri(properties.getServices().get(service).getUri().get(0).resolve("/v3/api-docs"))
                .retrieve().bodyToMono(String.class)
                .timeout(Duration.ofSeconds(5))
                .map(json::readTree);
    }

    private ObjectNode header() {
        ObjectNode doc = json.createObjectNode();
        doc.put("openapi", "3.1.0");
        doc.putObject("info").put("title", "Medical insurance platform API")
                .put("description", "Every service behind the gateway. Callers authenticate with OAuth 2.0 client "
                        + "credentials at /oauth2/token and send the token as a bearer token.")
                .put("version", "1");
        doc.putArray("servers").addObject().put("url", "/");
        doc.putArray("security").addObject().putArray("clientCredentials");
        ObjectNode components = doc.putObject("components");
        ObjectNode scheme = components.putObject("securitySchemes").putObject("clientCredentials");
        scheme.put("type", "oauth2");
        scheme.putObject("flows").putObject("clientCredentials").put("tokenUrl", "/oauth2/token").putObject("scopes");
        doc.putObject("paths");
        components.putObject("schemas");
        doc.putArray("tags");
        return doc;
    }

    private static void merge(ObjectNode combined, String service, JsonNode doc) {
        JsonNode renamed = renameRefs(doc.deepCopy(), service);
        renamed.path("paths").properties().forEach(path -> ((ObjectNode) combined.get("paths")).set(path.getKey(), path.getValue()));
        renamed.path("components").path("schemas").properties().forEach(schema ->
                ((ObjectNode) combined.get("components").get("schemas")).set(service + "." + schema.getKey(), schema.getValue()));
        renamed.path("tags").forEach(tag -> ((tools.jackson.databind.node.ArrayNode) combined.get("tags")).add(tag));
    }

    private static JsonNode renameRefs(JsonNode node, String service) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith(SCHEMAS)) {
                object.set("$ref", StringNode.valueOf(SCHEMAS + service + "." + ref.asString().substring(SCHEMAS.length())));
            }
            object.properties().forEach(member -> renameRefs(member.getValue(), service));
        } else if (node != null && node.isArray()) {
            node.forEach(element -> renameRefs(element, service));
        }
        return node;
    }
}
