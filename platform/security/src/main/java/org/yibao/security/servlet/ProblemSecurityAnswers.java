package org.yibao.security.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.yibao.security.access.AccessDecision;
import org.yibao.security.token.Refusals;
import org.yibao.web.RequestIds;
import org.yibao.web.problem.Problems;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * 401 and 403 answered like every other error of the platform: problem+json with the reason and
 * the request id. A path no rule covers is answered 404, as it would be without security.
 */
class ProblemSecurityAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemSecurityAnswers.class);

    private final JsonMapper json;

    ProblemSecurityAnswers(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String reason = Refusals.unauthenticated(e);
        log.info("refused {} {}: {}", request.getMethod(), request.getRequestURI(), reason);
        response.setHeader("WWW-Authenticate", Refusals.wwwAuthenticate(e));
        write(request, response, HttpStatus.UNAUTHORIZED, reason);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        AccessDecision decision = (AccessDecision) request.getAttribute(PolicyAuthorizationManager.DECISION_ATTRIBUTE);
        if (decision != null && decision.outcome() == AccessDecision.Outcome.NO_RULE) {
            write(request, response, HttpStatus.NOT_FOUND, decision.reason());
            return;
        }
        String reason = decision != null && decision.reason() != null ? decision.reason() : "This caller may not make this call.";
        log.info("refused {} {}: {}", request.getMethod(), request.getRequestURI(), reason);
        write(request, response, HttpStatus.FORBIDDEN, reason);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = Problems.of(status, status.getReasonPhrase(), detail, MDC.get(RequestIds.MDC_KEY), request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(Problems.asMap(problem)));
    }
}
