package org.yibao.web.problem;

import java.util.List;

/** A request that is well-formed but breaks a rule: answered 400 with every field problem named. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super(Problems.summary(problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidRequestException(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
