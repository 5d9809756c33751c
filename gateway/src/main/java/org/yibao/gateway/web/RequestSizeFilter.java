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
import java.util.Map;

/**
 * Refuses an oversized URI (414) or oversized headers (431) with problem+json, first of all filters.
 * The limits here (8 KiB of URI, 16 KiB of headers) lie well below Netty's own (64 KiB each, set in
 * application.yml), so every refusal a caller can provoke short of a 64 KiB line is a readable
 * problem rather than Netty's empty answer. No API of the platform takes more than a few hundred
 * characters of URI; a token is about 1 KiB.
 */
@Component
public class RequestSizeFilter implements WebFilter, Ordered {

    static final int MAX_URI = 8 * 1024;
    static final int MAX_HEADERS = 16 * 1024;

    private final ProblemAnswers answers;

    public RequestSizeFilter(ProblemAnswers answers) {
        this.answers = answers;
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
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // before Spring Security's chain (-100) and everything else
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
