package io.claimtrack.rules;

/**
 * The active ruleset could not evaluate (it ran away, or gave a claim no status): not the caller's fault,
 * and nothing of the request was kept. An analyst has to look at the active policy.
 */
public class ActivePolicyException extends RuleEvaluationException {

    public ActivePolicyException(RuleEvaluationException cause) {
        super(cause.getMessage());
        initCause(cause);
    }
}
