package io.claimtrack.claim;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.claimtrack.facts.ReviewState;
import io.claimtrack.status.HistoryEntry;

/** The desk's reviews as claims' views and histories need them, implemented where reviews are kept. */
public interface DeskReviews {

    /** The reviews of these claims now ({@code knownAt} null) or as known at an instant; untouched claims are absent. */
    Map<Long, ReviewSummary> summaries(Collection<Long> claimIds, Instant knownAt);

    /** Every step of the claim's review as history entries, oldest first. */
    List<HistoryEntry> history(long claimId);

    /** How many claims' reviews are in each state now, every state listed; claims never touched are UNASSIGNED. */
    Map<ReviewState, Long> countsByState();

    /** How many published (or corrected) reviews carry each rating of the desk's scale, zeros included. */
    Map<String, Long> publishedRatings();
}
