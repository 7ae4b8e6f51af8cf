package io.claimtrack.review;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.claimtrack.claim.PlainText;

/**
 * What a step of the review's workflow takes; each step says which fields it needs and refuses the
 * others (assign: assignee; start: nothing; rate: rating and summary; publish: url; correct: reason and
 * any of rating, summary, url; unpublish: reason).
 */
public record ReviewStepRequest(
        @Size(max = 200, message = "must be at most 200 characters") @PlainText String assignee,
        @Size(max = 40, message = "must be at most 40 characters") @PlainText String rating,
        @Size(max = 5000, message = "must be at most 5000 characters") @PlainText String summary,
        @Size(max = 2000, message = "must be at most 2000 characters")
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") @PlainText String url,
        @Size(max = 2000, message = "must be at most 2000 characters") @PlainText String reason) {

    static final ReviewStepRequest EMPTY = new ReviewStepRequest(null, null, null, null, null);
}
