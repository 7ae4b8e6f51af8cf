package io.claimtrack.refusal;

import java.util.List;

/**
 * Well-formed, but contradicts what is stored or what the policy can do: a reply to a missing claim, a
 * retraction by someone else, a ruleset that fails to evaluate.
 */
public final class Contradiction extends Refusal {

    public Contradiction(String field, String detail) {
        super(detail, field(field, detail));
    }

    public Contradiction(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
