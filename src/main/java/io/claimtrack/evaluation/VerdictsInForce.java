package io.claimtrack.evaluation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.claimtrack.facts.Verdict;

/** The analysts' verdicts as evaluation needs them, implemented where verdicts are stored. */
public interface VerdictsInForce {

    /** The verdicts on these claims given at or before {@code at} and not withdrawn by then, as facts. */
    List<Verdict> on(Collection<Long> claimIds, Instant at);
}
