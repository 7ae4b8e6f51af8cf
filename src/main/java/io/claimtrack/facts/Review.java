package io.claimtrack.facts;

import java.time.Instant;
import java.util.Objects;

/**
 * The desk's review of a claim, as known at the evaluation's instant: a fact the rules may read (to
 * suggest a rating, or to flag a published rating the standing has since moved away from). Rules never
 * change it; only people do, through the review's workflow.
 */
public final class Review {

    private final long claimId;
    private final ReviewState state;
    private final String rating;
    private final String assignee;
    private final Instant since;

    /** {@code rating} is a name on the desk's scale, or null before the review is rated. */
    public Review(long claimId, ReviewState state, String rating, String assignee, Instant since) {
        this.claimId = claimId;
        this.state = Objects.requireNonNull(state, "state");
        this.rating = rating;
        this.assignee = assignee;
        this.since = Objects.requireNonNull(since, "since");
    }

    public long getClaimId() {
        return claimId;
    }

    public ReviewState getState() {
        return state;
    }

    public String getRating() {
        return rating;
    }

    public boolean isRated() {
        return rating != null;
    }

    public boolean isPublished() {
        return state.isPublic();
    }

    public String getAssignee() {
        return assignee;
    }

    public Instant getSince() {
        return since;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Review other && claimId == other.claimId && state == other.state
                && Objects.equals(rating, other.rating) && Objects.equals(assignee, other.assignee)
                && since.equals(other.since);
    }

    @Override
    public int hashCode() {
        return Objects.hash(claimId, state, rating, assignee, since);
    }

    @Override
    public String toString() {
        return "review of claim #" + claimId + " " + state + (rating == null ? "" : " rated " + rating);
    }
}
