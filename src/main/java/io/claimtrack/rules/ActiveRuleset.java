package io.claimtrack.rules;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.claimtrack.facts.Claim;

/**
 * The compiled ruleset every evaluation uses, and the one way to evaluate under it. Swapping it is one
 * atomic reference write, so an evaluation runs wholly under one version. Which version is active is
 * decided by the authoring service (and, at start, by what the database says is ACTIVE).
 */
@ApplicationScoped
public class ActiveRuleset {

    private final PolicyEvaluator evaluator = new PolicyEvaluator();
    private volatile CompiledRuleset current;

    public CompiledRuleset get() {
        CompiledRuleset ruleset = current;
        if (ruleset == null) {
            throw new IllegalStateException("No ruleset is active yet");
        }
        return ruleset;
    }

    public boolean isReady() {
        return current != null;
    }

    public void set(CompiledRuleset ruleset) {
        current = ruleset;
    }

    /**
     * Evaluates many threads, each alone, on every core (see {@link PolicyEvaluator#evaluateAll}), under
     * {@code ruleset}, normally {@link #get()} taken once for a whole answer. Any other ruleset (a draft being
     * previewed) runs on the drafts' bounded thread, so it cannot take the cores submissions need.
     */
    public Map<Long, Assessment> evaluateAll(CompiledRuleset ruleset, List<FactSet> threads) {
        return evaluator.evaluateAll(ruleset == current ? BoundedRun.LIVE : BoundedRun.DRAFTS, ruleset, threads);
    }

    /** Evaluates a thread's facts under the active ruleset and keeps the session warm (see {@link PolicyEvaluator#warm}). */
    public PolicyEvaluator.Warmed warm(CompiledRuleset ruleset, FactSet facts) {
        return evaluator.warm(BoundedRun.LIVE, ruleset, facts);
    }

    /** Adds claims to a warm thread and fires (see {@link PolicyEvaluator#advance}). @return what moved */
    public Map<Long, Assessment> advance(ThreadSession warm, List<?> added, Instant now) {
        return evaluator.advance(BoundedRun.LIVE, warm, added, now);
    }

    /** Every claim's conclusions as a warm thread holds them now. */
    public Map<Long, Assessment> conclusions(ThreadSession warm) {
        return evaluator.conclusions(warm);
    }

    /** How a claim's status moved in event time up to {@code until}, under the active ruleset. */
    public List<Transition> timeline(Collection<Claim> claims, long claimId, Instant until) {
        return evaluator.timeline(get(), claims, claimId, until);
    }
}
