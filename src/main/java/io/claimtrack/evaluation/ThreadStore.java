package io.claimtrack.evaluation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.claimtrack.facts.Claim;

/**
 * The stored dispute threads as evaluation needs them, implemented where claims are stored. Evaluation
 * reads facts through it and never sees an entity.
 */
public interface ThreadStore {

    /** The id of every dispute thread, ascending. */
    List<Long> allThreadIds();

    /** The threads with a claim that has no status recorded under this ruleset version. */
    List<Long> threadsNotEvaluatedUnder(int rulesetVersion);

    /** Locks these threads in the caller's transaction, in the order given. @return each one's version, by thread */
    Map<Long, Long> lock(List<Long> threadIds);

    /** Moves the version of these threads, held by the caller's transaction, whose facts it changed. */
    void changed(Collection<Long> threadIds);

    /** The claims of these threads asserted at or before {@code asOf}, as facts, by thread, each in id order. */
    Map<Long, List<Claim>> claimsAsOf(Collection<Long> threadIds, Instant asOf);
}
