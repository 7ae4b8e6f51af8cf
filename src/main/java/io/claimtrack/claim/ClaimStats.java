package io.claimtrack.claim;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;
import io.claimtrack.facts.ReviewState;
import io.claimtrack.status.Stats;

/**
 * The desk's counts: claims by dispute standing and flag (now or as of an instant), and, now only, by the
 * state of the desk's review and by the rating of published reviews (absent in an as-of answer).
 */
public record ClaimStats(long total, Map<ClaimStatus, Long> byStatus, Map<Flag, Long> byFlag,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Map<ReviewState, Long> byReviewState,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Long> byRating) {

    static ClaimStats of(Stats standing, Map<ReviewState, Long> byReviewState, Map<String, Long> byRating) {
        return new ClaimStats(standing.total(), standing.byStatus(), standing.byFlag(), byReviewState, byRating);
    }
}
