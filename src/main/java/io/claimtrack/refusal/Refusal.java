package io.claimtrack.refusal;

import java.util.List;

/**
 * A request claimtrack refuses, said in the domain's words: what is wrong and, where one is at fault,
 * the field. Services throw these; only the HTTP edge ({@code problem.ProblemMappers}) turns them into
 * statuses. Every check that can refuse runs before the first write, so a refusal leaves no trace.
 */
public abstract sealed class Refusal extends RuntimeException
        permits InvalidInput, NotFound, Contradiction, Conflict, TooLarge {

    private final transient List<FieldError> errors;

    protected Refusal(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    /** The fields at fault, each with what is wrong with it; empty when no one field is. */
    public List<FieldError> errors() {
        return errors;
    }

    static List<FieldError> field(String field, String detail) {
        return List.of(new FieldError(field, detail));
    }
}
