package io.claimtrack.rules;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import io.claimtrack.facts.Claim;

/** Evaluates claims under the active ruleset. */
@ApplicationScoped
public class RuleEngine {

    private final ActiveRuleset activeRuleset;
    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    public RuleEngine(ActiveRuleset activeRuleset) {
        this.activeRuleset = activeRuleset;
    }

    public Evaluation evaluate(Collection<Claim> claims) {
        CompiledRuleset ruleset = activeRuleset.get();
        return new Evaluation(ruleset.version(), evaluator.evaluate(ruleset, claims));
    }
}
