package io.claimtrack.rules;

/** The rules could not give a sound answer (a runaway ruleset, a claim left without a status...). */
public class RuleEvaluationException extends RuntimeException {

    public RuleEvaluationException(String message) {
        super(message);
    }
}
