package io.claimtrack.rules;

/** Every thread for rule evaluations of this kind is busy and its queue is full: try again shortly. */
public class RulesBusyException extends RuntimeException {

    public RulesBusyException(String message) {
        super(message);
    }
}
