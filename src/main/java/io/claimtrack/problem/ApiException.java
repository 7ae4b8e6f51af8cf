package io.claimtrack.problem;

import java.util.List;

/** A request the API refuses, with the HTTP status, the reason and, where one is at fault, the field. */
public class ApiException extends RuntimeException {

    public static final int UNPROCESSABLE = 422;

    private final int status;
    private final List<Problem.FieldError> errors;

    public ApiException(int status, String detail) {
        this(status, detail, List.of());
    }

    public ApiException(int status, String field, String detail) {
        this(status, detail, List.of(new Problem.FieldError(field, detail)));
    }

    public ApiException(int status, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = errors;
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, "No " + what + " with id " + id);
    }

    public static ApiException badRequest(String field, String detail) {
        return new ApiException(400, field, detail);
    }

    /** Well-formed, but contradicts what is stored (a missing claim, a retraction by someone else...). */
    public static ApiException unprocessable(String field, String detail) {
        return new ApiException(UNPROCESSABLE, field, detail);
    }

    public static ApiException conflict(String field, String detail) {
        return new ApiException(409, field, detail);
    }

    public int status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
