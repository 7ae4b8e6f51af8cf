package io.claimtrack.dashboard;

import java.util.List;

import io.claimtrack.rating.Rating;
import io.claimtrack.review.ReviewView;

/**
 * The review panel of a claim's page: the desk's review, and for an editor the forms of the steps that
 * may come next (an assignment among the editors, a rating on the scale), with the last refusal if any.
 */
public record ReviewPanel(ReviewView review, boolean editor, List<String> editors, List<Rating> ratings, String csrf,
                          String error) {

    /** Whether the signed-in user may take {@code action} now: an editor, and the review's state allows it. */
    public boolean can(String action) {
        return editor && review.next().contains(action);
    }
}
