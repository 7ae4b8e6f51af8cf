package io.claimtrack.claim;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.claimtrack.facts.Evidence;
import io.claimtrack.status.HistoryEntry;

/** The evidence on claims as claims need it, implemented where evidence is kept. */
public interface ClaimEvidence {

    /** Records a claim's own source, as submitted, as its first evidence, in the caller's transaction. @return it as a fact */
    Evidence submitted(ClaimEntity claim, Source source);

    /** The evidence on these claims in force now ({@code knownAt} null) or at an instant, by claim, oldest first. */
    Map<Long, List<EvidenceItem>> of(Collection<Long> claimIds, Instant knownAt);

    /**
     * Adds the claim-level evidence in force on a merged duplicate to the claim it was merged into, in the caller's
     * transaction, skipping what that claim cites already (the same URL or archived URL); the duplicate keeps its
     * own, as known before the merge. @return how many pieces were added
     */
    int carryOver(long fromClaimId, long toClaimId, String by, Instant at);

    /** Every addition and removal of evidence on the claim as history entries, oldest first. */
    List<HistoryEntry> history(long claimId);
}
