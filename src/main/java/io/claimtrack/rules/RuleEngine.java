package io.claimtrack.rules;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.claimtrack.facts.Claim;

/** Evaluates facts under the active ruleset. */
@ApplicationScoped
public class RuleEngine {

    private final ActiveRuleset activeRuleset;
    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    public RuleEngine(ActiveRuleset activeRuleset) {
        this.activeRuleset = activeRuleset;
    }

    public Evaluation evaluate(FactSet facts) {
        CompiledRuleset ruleset = activeRuleset.get();
        return new Evaluation(ruleset.version(), evaluator.evaluate(ruleset, facts));
    }

    /** The ruleset evaluations use now. */
    public CompiledRuleset active() {
        return activeRuleset.get();
    }

    /**
     * Under a given ruleset, e.g. a draft being previewed: anything but the active ruleset runs on the
     * drafts' bounded thread, so it cannot take the cores submissions need.
     */
    public Map<Long, Assessment> evaluate(CompiledRuleset ruleset, FactSet facts) {
        return evaluator.evaluate(ruleset == activeRuleset.get() ? BoundedRun.LIVE : BoundedRun.DRAFTS, ruleset, facts);
    }

    public List<Transition> timeline(Collection<Claim> claims, long claimId, Instant until) {
        return evaluator.timeline(activeRuleset.get(), claims, claimId, until);
    }
}
