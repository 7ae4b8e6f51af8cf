package io.claimtrack.review;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.claimtrack.facts.ReviewState;

import static io.claimtrack.facts.ReviewState.ASSIGNED;
import static io.claimtrack.facts.ReviewState.CORRECTED;
import static io.claimtrack.facts.ReviewState.IN_REVIEW;
import static io.claimtrack.facts.ReviewState.PUBLISHED;
import static io.claimtrack.facts.ReviewState.READY;
import static io.claimtrack.facts.ReviewState.UNASSIGNED;
import static io.claimtrack.facts.ReviewState.UNPUBLISHED;

/**
 * The steps of a review's workflow: from which states each may be taken and where it leads. Assigning
 * again hands the review to someone else (or sends a ready one back); a published review is corrected
 * or unpublished, never edited in place.
 */
public enum ReviewAction {
    ASSIGN(EnumSet.of(UNASSIGNED, ASSIGNED, IN_REVIEW, READY, UNPUBLISHED), ASSIGNED),
    START(EnumSet.of(ASSIGNED), IN_REVIEW),
    RATE(EnumSet.of(IN_REVIEW), READY),
    PUBLISH(EnumSet.of(READY), PUBLISHED),
    CORRECT(EnumSet.of(PUBLISHED, CORRECTED), CORRECTED),
    UNPUBLISH(EnumSet.of(PUBLISHED, CORRECTED), UNPUBLISHED),
    /**
     * Not a step of the workflow: a review restored, in whatever state, from an archive's export by an admin
     * (see {@link ReviewService#restore}). Never offered as a next step, never taken through {@code step}.
     */
    RESTORE(EnumSet.noneOf(ReviewState.class), UNASSIGNED);

    private final Set<ReviewState> from;
    private final ReviewState to;

    ReviewAction(Set<ReviewState> from, ReviewState to) {
        this.from = from;
        this.to = to;
    }

    public boolean allowedFrom(ReviewState state) {
        return from.contains(state);
    }

    public Set<ReviewState> from() {
        return from;
    }

    public ReviewState to() {
        return to;
    }

    /** As it appears in the API's paths: {@code /review/assign}. */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The actions that may be taken from {@code state}, in workflow order. */
    public static Set<ReviewAction> from(ReviewState state) {
        Set<ReviewAction> actions = EnumSet.noneOf(ReviewAction.class);
        for (ReviewAction action : values()) {
            if (action.allowedFrom(state)) {
                actions.add(action);
            }
        }
        return actions;
    }
}
