package io.claimtrack.refusal;

import java.util.List;

/** The request is larger than claimtrack takes: an upload, a draft's files. */
public final class TooLarge extends Refusal {

    public TooLarge(String detail) {
        super(detail, List.of());
    }

    public TooLarge(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
