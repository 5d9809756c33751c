package org.yibao.web.problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.yibao.contracts.identity.IdMasking;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * RFC 9457 problem details, built the same way by the gateway and every service: a title, a
 * detail, the request id, and for invalid input an {@code errors} list naming each field and why.
 */
public final class Problems {

    public static final String ERRORS = "errors";
    public static final String REQUEST_ID = "requestId";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String title, String detail, String requestId, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, IdMasking.maskAll(detail));
        problem.setTitle(title);
        if (path != null) {
            problem.setInstance(URI.create(encodePath(IdMasking.maskAllInUrl(path))));
        }
        if (requestId != null) {
            problem.setProperty(REQUEST_ID, requestId);
        }
        return problem;
    }

    public static ProblemDetail invalid(HttpStatusCode status, List<FieldProblem> problems, String requestId, String path) {
        ProblemDetail problem = of(status, "Invalid request", summary(problems), requestId, path);
        problem.setProperty(ERRORS, problems.stream()
                .map(p -> new FieldProblem(p.field(), IdMasking.maskAll(p.reason()))).toList());
        return problem;
    }

    /**
     * The problem as plain JSON members, for writers that do not go through Spring MVC's message
     * converters (the reactive gateway, servlet filters that answer before MVC).
     */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
        map.put("title", problem.getTitle());
        map.put("status", problem.getStatus());
        map.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            map.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return map;
    }

    static String summary(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.field() + ": " + p.reason()).collect(Collectors.joining("; "));
    }

    /** A decoded path (and query) as a valid URI again: what RFC 3986 allows stays, everything else is percent-encoded. */
    private static String encodePath(String path) {
        StringBuilder out = new StringBuilder(path.length() + 16);
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
