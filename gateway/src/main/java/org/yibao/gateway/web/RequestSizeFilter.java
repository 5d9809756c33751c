package org.yibao.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.yibao.gateway.security.ProblemAnswers;
import reactor.core.publisher.Mono;

import java.util.List;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.yibao.gateway.routing.GatewayProperties;
import java.util.Map;

/**
 * Refuses an oversized URI (414), oversized headers (431) or a body whose Content-Length is over its
 * limit (413: 1 MiB for a call, 1 GiB for a file on a bulk path) with problem+json, first of all
 * filters, before anything is read or buffered.
 * The limits here (8 KiB of URI, 16 KiB of headers) lie well below Netty's own (64 KiB each, set in
 * application.yml), so every refusal a caller can provoke short of a 64 KiB line is a readable
 * problem rather than Netty's empty answer. No API of the platform takes more than a few hundred
 * characters of URI; a token is about 1 KiB.
 */
@Component
public class RequestSizeFilter implements WebFilter, Ordered {

    static final int MAX_URI = 8 * 1024;
    static final int MAX_HEADERS = 16 * 1024;
    /** A call's body: a bill of 500 lines or a national-interface message is well under 1 MiB (the services' limit too). */
    static final long MAX_BODY = 1024L * 1024;
    /** A whole file on a bulk path (a district's year of identity feeds is about 100 MiB). */
    static final long MAX_FILE = 1024L * 1024 * 1024;

    private final ProblemAnswers answers;
    private final List<PathPattern> bulkPaths;

    public RequestSizeFilter(ProblemAnswers answers, GatewayProperties properties) {
        this.answers = answers;
        PathPatternParser parser = new PathPatternParser();
        this.bulkPaths = properties.getServices().values().stream().flatMap(s -> s.getBulkPaths().stream()).map(parser::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String uri = exchange.getRequest().getURI().getRawPath();
        String query = exchange.getRequest().getURI().getRawQuery();
        int uriLength = uri.length() + (query == null ? 0 : query.length() + 1);
        if (uriLength > MAX_URI) {
            return answers.refusedRequest(exchange, HttpStatus.URI_TOO_LONG,
                    "The URI has " + uriLength + " characters; at most " + MAX_URI + " are accepted.");
        }
        long headerBytes = 0;
        for (Map.Entry<String, List<String>> header : exchange.getRequest().getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                headerBytes += header.getKey().length() + value.length() + 4;
            }
        }
        if (headerBytes > MAX_HEADERS) {
            return answers.refusedRequest(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "The headers have " + headerBytes + " bytes; at most " + MAX_HEADERS + " are accepted.");
        }
        long length = exchange.getRequest().getHeaders().getContentLength();
        boolean bulk = bulkPaths.stream().anyMatch(p -> p.matches(exchange.getRequest().getPath().pathWithinApplication()));
        long limit = bulk ? MAX_FILE : MAX_BODY;
        if (length > limit) {
            return answers.refusedRequest(exchange, HttpStatus.CONTENT_TOO_LARGE, "The body has " + length + " bytes; at most "
                    + limit + " are accepted" + (bulk ? " for a file." : " for a call (whole files go to the bulk paths)."));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // before Spring Security's chain (-100) and everything else
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
