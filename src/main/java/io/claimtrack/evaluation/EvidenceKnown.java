package io.claimtrack.evaluation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.claimtrack.facts.Evidence;

/** The evidence on claims as evaluation needs it, implemented where evidence is stored. */
public interface EvidenceKnown {

    /** The evidence on these claims added by {@code at} and not removed by then (system time), as facts. */
    List<Evidence> asFacts(Collection<Long> claimIds, Instant at);
}
