package io.claimtrack.refusal;

import java.util.List;

/** The request is fine but clashes with the current state: a name taken, a version already active, work in progress. */
public final class Conflict extends Refusal {

    public Conflict(String field, String detail) {
        super(detail, field(field, detail));
    }

    public Conflict(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
