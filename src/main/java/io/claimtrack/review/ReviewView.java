package io.claimtrack.review;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.claimtrack.claim.ReviewSummary;
import io.claimtrack.facts.ReviewState;
import io.claimtrack.rating.Rating;

/**
 * The desk's review of a claim as the API shows it: where it stands ({@code label} in words), the rating
 * with its ClaimReview values, who did what, the steps that may be taken next, and every step so far.
 */
public record ReviewView(long claimId, ReviewState state, String assignee, Rating rating, String summary, String url,
                         String ratedBy, Instant ratedAt, String publishedBy, Instant publishedAt, Instant updatedAt,
                         String label, List<String> next, List<Step> steps,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Instant knownAt) {

    /** One step: when, who, which action, from which state to which, and what it set. */
    public record Step(Instant at, String by, String action, ReviewState from, ReviewState to, String assignee,
                       String rating, String summary, String url, String reason) {

        static Step of(ReviewStepEntity step) {
            return new Step(step.at, step.by, step.action.path(), step.from, step.state, step.assignee, step.rating,
                    step.summary, step.url, step.reason);
        }
    }

    static ReviewView of(long claimId, ReviewSummary summary, Rating rating, Instant updatedAt,
                         List<ReviewStepEntity> steps, Instant knownAt) {
        return new ReviewView(claimId, summary.state(), summary.assignee(), rating, summary.summary(), summary.url(),
                summary.ratedBy(), summary.ratedAt(), summary.publishedBy(), summary.publishedAt(), updatedAt,
                summary.label(), knownAt == null ? ReviewAction.from(summary.state()).stream().map(ReviewAction::path).toList()
                        : List.of(), steps.stream().map(Step::of).toList(), knownAt);
    }
}
