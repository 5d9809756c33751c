package org.yibao.web.servlet;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpRequestHandler;
import org.yibao.web.RequestIds;
import org.yibao.web.problem.Problems;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The container's own error answers as problem+json: what no controller answered (a URL the
 * security firewall refused, a request the container sent to {@code /error}) looks like every other
 * refusal of the platform, with the request id, and says nothing of the internals. A plain handler
 * rather than a controller, so that it is no operation of the service's API document.
 */
public class ProblemErrorController implements ErrorController, HttpRequestHandler {

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c) : HttpStatus.NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object requestId = request.getAttribute(RequestIds.MDC_KEY);
        String detail = status.is4xxClientError()
                ? "The request was refused before any API read it (for example a malformed or disallowed URL)."
                : "The request failed unexpectedly; quote the request id to the operators.";
        ProblemDetail problem = Problems.of(status, status.getReasonPhrase(), detail, requestId == null ? null : requestId.toString(),
                uri == null ? request.getRequestURI() : uri.toString());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JsonMapper.shared().writeValueAsString(Problems.asMap(problem)));
    }
}
