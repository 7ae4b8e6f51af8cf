package io.claimtrack.refusal;

import java.util.List;

/** What the request names does not exist (or did not yet exist at the instant it asks about). */
public final class NotFound extends Refusal {

    public NotFound(String detail) {
        super(detail, List.of());
    }

    public static NotFound of(String what, Object id) {
        return new NotFound("No " + what + " with id " + id);
    }
}
