package io.dinechat.order.web;

import java.util.ArrayList;
import java.util.List;

/** A dashboard request that breaks the rules: answered 400 with one entry per field. */
public class InvalidRequest extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequest(List<FieldProblem> problems) {
        super("The request has " + problems.size() + " invalid field(s).");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public record FieldProblem(String field, String message) {
    }

    /** Collects field problems, then throws them all at once. */
    public static final class Checks {
        private final List<FieldProblem> problems = new ArrayList<>();

        public Checks require(boolean ok, String field, String message) {
            if (!ok) {
                problems.add(new FieldProblem(field, message));
            }
            return this;
        }

        public boolean ok() {
            return problems.isEmpty();
        }

        public void orThrow() {
            if (!problems.isEmpty()) {
                throw new InvalidRequest(problems);
            }
        }
    }

    public static Checks checks() {
        return new Checks();
    }
}
