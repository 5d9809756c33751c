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
            problem.setInstance(URI.create(encodePath(IdMasking.maskAll(path))));
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

    private static String encodePath(String path) {
        return path.replace(" ", "%20").replace("\"", "%22").replace("<", "%3C").replace(">", "%3E")
                .replace("{", "%7B").replace("}", "%7D").replace("|", "%7C").replace("\\", "%5C")
                .replace("^", "%5E").replace("`", "%60");
    }
}
