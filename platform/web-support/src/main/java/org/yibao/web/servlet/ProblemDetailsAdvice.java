package org.yibao.web.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.yibao.web.RequestIds;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.FieldProblem;
import org.yibao.web.problem.ForbiddenException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;
import org.yibao.web.problem.Problems;
import org.yibao.web.problem.RefusedException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every error a service answers is RFC 9457 problem+json with the request id; invalid input names
 * each field and the reason. Unexpected failures say nothing of their internals to the caller.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e, HttpServletRequest request) {
        return respond(Problems.invalid(HttpStatus.BAD_REQUEST, e.problems(), requestId(request), request.getRequestURI()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldProblem> problems = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return respond(Problems.invalid(HttpStatus.BAD_REQUEST, problems, requestId(request), request.getRequestURI()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), requestId(request), request.getRequestURI()));
    }

    @ExceptionHandler(RefusedException.class)
    ResponseEntity<ProblemDetail> refused(RefusedException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Refused", e.getMessage(), requestId(request), request.getRequestURI()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), requestId(request), request.getRequestURI()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.CONFLICT, "Conflict", e.getMessage(), requestId(request), request.getRequestURI()));
    }

    /**
     * A value the database refused as data (SQLSTATE class 22: too long, out of range, bad encoding)
     * or against a constraint (class 23) came from the request: every field is bounded where it is
     * declared, so this is a missed bound — logged as such for the developers — and answered 400
     * (or 409 for a duplicate), never 500. The transaction has rolled back, so nothing changed.
     */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> databaseRefusedAValue(org.springframework.dao.DataIntegrityViolationException e,
                                                        HttpServletRequest request) {
        log.warn("the database refused a value of {} {} (a request bound is missing): {}", request.getMethod(),
                request.getRequestURI(), e.getMostSpecificCause().getMessage());
        if (e instanceof org.springframework.dao.DuplicateKeyException) {
            return respond(Problems.of(HttpStatus.CONFLICT, "Conflict", "the record already exists", requestId(request),
                    request.getRequestURI()));
        }
        return respond(Problems.invalid(HttpStatus.BAD_REQUEST, List.of(new FieldProblem("body",
                "holds a value outside what the platform stores (too long, too large, or not allowed)")), requestId(request),
                request.getRequestURI()));
    }

    private static ResponseEntity<ProblemDetail> unavailable(HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                "a transient fault (the database connection, a lock lost to another request) interrupted the request, whose"
                        + " transaction was rolled back unless the fault struck its commit: send the same request again (the same"
                        + " message id finds what a settlement made)", requestId(request), request.getRequestURI());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (org.yibao.faults.TransientFaults.isTransient(e)) {
            log.warn("transient fault of {} {}, answered 503", request.getMethod(), request.getRequestURI(), e);
            return unavailable(request);
        }
        String requestId = requestId(request);
        log.error("unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request failed unexpectedly; quote request id " + requestId + " to the operators.",
                requestId, request.getRequestURI()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(f -> problems.add(new FieldProblem(f.getField(), f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(g -> problems.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        return respondObject(Problems.invalid(HttpStatus.BAD_REQUEST, problems, requestId(request), path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                problems.add(new FieldProblem(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return respondObject(Problems.invalid(HttpStatus.BAD_REQUEST, problems, requestId(request), path(request)));
    }

    /** A path or query value of the wrong type ("abc" for a year): 400 naming the parameter. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() != null ? e.getPropertyName() : "parameter";
        // an Optional<Status> parameter is refused for its Status, not as "a Optional"
        Class<?> type = e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
                ? m.getParameter().nestedIfOptional().getNestedParameterType() : e.getRequiredType();
        String expected = type == null ? "a value of another type" : type == java.time.YearMonth.class
                ? "a month such as 2026-03" : java.util.Objects.requireNonNullElse(expected(type), "a value of another form");
        return respondObject(Problems.invalid(HttpStatus.BAD_REQUEST, List.of(new FieldProblem(name, "must be " + expected)),
                requestId(request), path(request)));
    }

    /** A required query parameter left out: 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return respondObject(Problems.invalid(HttpStatus.BAD_REQUEST, List.of(new FieldProblem(e.getParameterName(), "is required")),
                requestId(request), path(request)));
    }

    /** A body of a type the API does not take: 415 naming the types it does (an Excel workbook where CSV is taken, say). */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(org.springframework.web.HttpMediaTypeNotSupportedException e,
                                                                     HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String sent = e.getContentType() == null ? "no Content-Type" : "Content-Type " + e.getContentType();
        String accepted = e.getSupportedMediaTypes().stream().map(MediaType::toString).sorted().toList().toString();
        String hint = e.getContentType() != null && e.getContentType().getSubtype().contains("sheet")
                ? "; an Excel workbook is not read here: save the sheet as CSV" : "";
        ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                sent + " is not accepted here; send " + accepted + hint, requestId(request), path(request));
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.ACCEPT, e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(java.util.stream.Collectors.joining(", ")))
                .body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return respondObject(Problems.invalid(HttpStatus.BAD_REQUEST, List.of(unreadable(e)), requestId(request), path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            // the framework's own answers (a type mismatch, a missing parameter) in the platform's shape:
            // the path with ids masked, the request id, and the detail without class names
            ProblemDetail masked = Problems.of(HttpStatusCode.valueOf(problem.getStatus()), problem.getTitle(),
                    withoutClassNames(problem.getDetail()), requestId(request), path(request));
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(masked);
        }
        return response;
    }

    /** "Failed to convert 'year' with value: 'abc'" rather than a list of Java types. */
    private static String withoutClassNames(String detail) {
        return detail == null ? null : detail.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)", "$1");
    }

    /** Names the JSON path that could not be read, and the reason the value was refused. */
    static FieldProblem unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return new FieldProblem(path(databind.getPath()), reason(databind));
        }
        if (cause instanceof tools.jackson.databind.exc.MismatchedInputException whole) {
            // the body itself of the wrong shape (a list where an object is taken): never the Java type's name
            String expected = whole.getTargetType() == null ? null : expected(whole.getTargetType());
            return new FieldProblem("body", "must be " + (expected != null ? expected : "a JSON object"));
        }
        if (cause instanceof InputCoercionException read && read.processor() != null) {
            // a number out of range of its field's type: the parser knows which field it stood at
            String at = read.processor().streamReadContext().pathAsPointer().toString();
            String field = at.isEmpty() ? "body" : at.substring(1).replaceAll("/([0-9]+)(?=/|$)", "[$1]").replace('/', '.');
            return new FieldProblem(field, originalMessage(read));
        }
        if (cause instanceof JacksonException jackson) {
            return new FieldProblem("body", "is not valid JSON: " + originalMessage(jackson));
        }
        return new FieldProblem("body", "is missing or unreadable");
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference ref : references) {
            if (ref.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String originalMessage(JacksonException e) {
        String message = e.getOriginalMessage();
        int cut = message == null ? -1 : message.indexOf(" at [Source");
        return cut > 0 ? message.substring(0, cut) : message;
    }

    /** Why a value was refused, in the terms of the API (never a Java type or class name). */
    private static String reason(DatabindException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException && root.getMessage() != null) {
            return root.getMessage();
        }
        if (e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            // a field the request does not declare (a misspelling, or a name the platform takes from the token)
            java.util.List<String> known = unknown.getKnownPropertyIds() == null ? java.util.List.of()
                    : unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return "is not a field of this request" + (known.isEmpty() ? "" : "; its fields are " + known);
        }
        if (e instanceof tools.jackson.databind.exc.MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String expected = expected(mismatch.getTargetType());
            if (expected != null) {
                return "must be " + expected;
            }
        }
        String message = originalMessage(e);
        if (message != null && message.startsWith("Cannot construct instance of")) {
            // Jackson's own words name Java types and creators; the value's own refusal, if any, is the reason
            int problem = message.indexOf(", problem: ");
            return problem > 0 ? message.substring(problem + ", problem: ".length()) : "is not of the form this field takes";
        }
        return withoutClassNames(message);
    }

    /** What a value of this type looks like, for a refusal. */
    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == java.time.LocalDate.class) {
            return "a date such as 2026-03-01";
        }
        if (type == java.time.LocalDateTime.class || type == java.time.Instant.class) {
            return "a time such as 2026-03-01T08:30:00";
        }
        if (type == java.util.UUID.class) {
            return "an id such as 3f2b6c1e-8d4a-4f0e-9b7a-2c5d1e6f7a8b";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == org.yibao.contracts.money.Money.class) {
            return "an amount of money written as text, such as \"1234.50\"";
        }
        if (type == org.yibao.contracts.money.Price.class) {
            return "a price written as text, such as \"12.345600\" (at most 6 decimals)";
        }
        return null;
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot >= 0 ? propertyPath.substring(dot + 1) : propertyPath;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<Object> respondObject(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String requestId(HttpServletRequest request) {
        Object id = request.getAttribute(RequestIds.MDC_KEY);
        return id == null ? null : id.toString();
    }

    private static String requestId(WebRequest request) {
        Object id = request.getAttribute(RequestIds.MDC_KEY, WebRequest.SCOPE_REQUEST);
        return id == null ? null : id.toString();
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }
}
