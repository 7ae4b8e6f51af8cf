package io.claimtrack.claim;

import java.time.Instant;

import io.claimtrack.facts.ReviewState;

/**
 * The desk's review of a claim as a claim's view shows it, apart from the standing: its state, who it
 * is assigned to, the desk's rating (its name on the scale and the words readers see) and when and by
 * whom it was rated and published; {@code label} says it in a sentence ("rated FALSE by the desk on …").
 */
public record ReviewSummary(ReviewState state, String assignee, String rating, String ratingName, String summary,
                            String url, String ratedBy, Instant ratedAt, String publishedBy, Instant publishedAt,
                            String label) {

    /** A claim the desk has not touched. */
    public static final ReviewSummary NONE = new ReviewSummary(ReviewState.UNASSIGNED, null, null, null, null, null,
            null, null, null, null, "not reviewed by the desk");
}
