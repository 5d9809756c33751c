package org.yibao.web.problem;

/** One invalid field of a request: its path (for example {@code lines[2].quantity}) and why. */
public record FieldProblem(String field, String reason) {
}
