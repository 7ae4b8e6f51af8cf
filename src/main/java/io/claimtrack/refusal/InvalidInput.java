package io.claimtrack.refusal;

import java.util.List;

/** The request itself is malformed: a value out of range, a missing field, a future instant. */
public final class InvalidInput extends Refusal {

    public InvalidInput(String detail) {
        super(detail, List.of());
    }

    public InvalidInput(String field, String detail) {
        super(detail, field(field, detail));
    }

    public InvalidInput(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
