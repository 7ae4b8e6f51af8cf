package io.claimtrack.rules;

/** An evaluation was stopped because it ran past its time budget or its share of the heap. */
public class RunawayRulesException extends RuleEvaluationException {

    public RunawayRulesException(String message) {
        super(message);
    }
}
