package io.claimtrack.claim;

import java.time.Instant;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.claimtrack.rating.RatingScale;

/** The claim list's filters as query parameters, for the list and its exports alike. */
public class ClaimListParams {

    @Parameter(description = "one of RETRACTED, REFUTED, CONTESTED, CONFIRMED, CORROBORATED, UNVERIFIED")
    @QueryParam("status")
    String status;

    @Parameter(description = "one of WIDELY_CONTESTED, SELF_DISPUTED, STALE, RATING_AT_ODDS")
    @QueryParam("flag")
    String flag;

    @Parameter(description = "actor name or alias, any case")
    @QueryParam("claimant")
    String claimant;

    @Parameter(description = "topic, any case")
    @QueryParam("topic")
    String topic;

    @Parameter(description = "text contains, any case")
    @QueryParam("q")
    String q;

    @Parameter(description = "the desk's review: one of UNASSIGNED (never touched), ASSIGNED, IN_REVIEW, READY,"
            + " PUBLISHED, CORRECTED, UNPUBLISHED")
    @QueryParam("review")
    String review;

    @Parameter(description = "the review's rating, a name on the desk's scale")
    @QueryParam("rating")
    String rating;

    @Parameter(description = "the editor the review is assigned to, any case")
    @QueryParam("assignee")
    String assignee;

    @Parameter(description = "true: claims with evidence in force; false: claims without")
    @QueryParam("hasEvidence")
    String hasEvidence;

    /** The filter these parameters ask for, each checked (400 naming the one at fault). */
    public ClaimFilter filter(RatingScale scale, Instant asOf) {
        return ClaimFilter.parse(status, flag, claimant, topic, q, asOf)
                .withDesk(review, rating == null || rating.isBlank() ? null : scale.rating("rating", rating).name(),
                        assignee, hasEvidence);
    }
}
