package io.claimtrack.review;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.claimtrack.claim.PlainText;
import io.claimtrack.facts.ReviewState;

/** A review as an archive's export gives it: its state there, the rating and summary, who rated and published it. */
public record RestoredReview(
        ReviewState state,
        @Size(max = 200, message = "must be at most 200 characters") @PlainText String assignee,
        @Size(max = 40, message = "must be at most 40 characters") @PlainText String rating,
        @Size(max = 5000, message = "must be at most 5000 characters") @PlainText String summary,
        @Size(max = 2000, message = "must be at most 2000 characters")
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") @PlainText String url,
        @Size(max = 200, message = "must be at most 200 characters") @PlainText String ratedBy,
        @Size(max = 200, message = "must be at most 200 characters") @PlainText String publishedBy) {
}
