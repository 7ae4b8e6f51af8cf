package io.claimtrack.review;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.claimtrack.claim.ClaimEntity;
import io.claimtrack.claim.DeskReviews;
import io.claimtrack.claim.ReviewSummary;
import io.claimtrack.evaluation.ReviewsKnown;
import io.claimtrack.facts.Review;
import io.claimtrack.facts.ReviewState;
import io.claimtrack.rating.RatingScale;
import io.claimtrack.status.HistoryEntry;

/**
 * The stored reviews, read for claims' views and histories and handed to evaluation as facts: now from
 * the current row, as known at an instant from the latest step by then (each step is a snapshot).
 */
@ApplicationScoped
public class StoredReviews implements DeskReviews, ReviewsKnown {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final RatingScale scale;

    public StoredReviews(RatingScale scale) {
        this.scale = scale;
    }

    @Override
    public Map<Long, ReviewSummary> summaries(Collection<Long> claimIds, Instant knownAt) {
        Map<Long, ReviewSummary> summaries = new HashMap<>();
        if (knownAt == null) {
            ReviewEntity.forClaims(claimIds).forEach(review -> summaries.put(review.claimId, summary(review)));
        } else {
            stepsByClaim(claimIds, knownAt).forEach((claimId, steps) -> summaries.put(claimId, summary(steps)));
        }
        return summaries;
    }

    @Override
    public List<Review> asFacts(Collection<Long> claimIds, Instant at) {
        List<Review> facts = new ArrayList<>();
        stepsByClaim(claimIds, at).forEach((claimId, steps) -> {
            ReviewStepEntity latest = steps.get(steps.size() - 1);
            facts.add(new Review(claimId, latest.state, latest.rating, latest.assignee, latest.at));
        });
        return facts;
    }

    @Override
    public List<HistoryEntry> history(long claimId) {
        return ReviewStepEntity.forClaim(claimId).stream().map(step -> HistoryEntry.of(step.at,
                new HistoryEntry.ReviewStep(step.action.path(), step.by, step.from.name(), step.state.name(),
                        step.assignee, step.rating, step.summary, step.url, step.reason), describe(step))).toList();
    }

    @Override
    public Map<ReviewState, Long> countsByState() {
        Map<ReviewState, Long> counts = new EnumMap<>(ReviewState.class);
        for (ReviewState state : ReviewState.values()) {
            counts.put(state, 0L);
        }
        long reviewed = 0;
        for (Object[] row : ReviewEntity.getEntityManager()
                .createQuery("select r.state, count(r) from ReviewEntity r group by r.state", Object[].class).getResultList()) {
            counts.put((ReviewState) row[0], (Long) row[1]);
            reviewed += (Long) row[1];
        }
        long claims = ClaimEntity.count("mergedInto is null");
        counts.merge(ReviewState.UNASSIGNED, claims - reviewed, Long::sum);
        return counts;
    }

    @Override
    public Map<String, Long> publishedRatings() {
        Map<String, Long> counts = new LinkedHashMap<>();
        scale.ratings().forEach(rating -> counts.put(rating.name(), 0L));
        for (Object[] row : ReviewEntity.getEntityManager()
                .createQuery("select r.rating, count(r) from ReviewEntity r where r.state in :states group by r.rating",
                        Object[].class)
                .setParameter("states", List.of(ReviewState.PUBLISHED, ReviewState.CORRECTED)).getResultList()) {
            counts.put((String) row[0], (Long) row[1]); // a rating since dropped from the scale is still counted
        }
        return counts;
    }

    private static Map<Long, List<ReviewStepEntity>> stepsByClaim(Collection<Long> claimIds, Instant at) {
        Map<Long, List<ReviewStepEntity>> byClaim = new LinkedHashMap<>();
        for (ReviewStepEntity step : ReviewStepEntity.takenBy(claimIds, at)) {
            byClaim.computeIfAbsent(step.claimId, id -> new ArrayList<>()).add(step);
        }
        return byClaim;
    }

    ReviewSummary summary(ReviewEntity review) {
        return new ReviewSummary(review.state, review.assignee, review.rating, ratingName(review.rating), review.summary,
                review.url, review.ratedBy, review.ratedAt, review.publishedBy, review.publishedAt,
                label(review.state, review.assignee, review.rating, review.ratedBy, review.ratedAt, review.publishedBy,
                        review.publishedAt));
    }

    /** The review as the steps up to some instant left it; what the row said then, re-told. */
    ReviewSummary summary(List<ReviewStepEntity> steps) {
        ReviewStepEntity latest = steps.get(steps.size() - 1);
        Instant ratedAt = null;
        String rating = null;
        String publishedBy = null;
        Instant publishedAt = null;
        for (ReviewStepEntity step : steps) {
            if (step.rating != null && !step.rating.equals(rating)) {
                ratedAt = step.at;
            }
            rating = step.rating;
            if (step.action == ReviewAction.PUBLISH) {
                publishedBy = step.by;
                publishedAt = step.at;
            }
        }
        return new ReviewSummary(latest.state, latest.assignee, latest.rating, ratingName(latest.rating), latest.summary,
                latest.url, latest.ratedBy, ratedAt, publishedBy, publishedAt,
                label(latest.state, latest.assignee, latest.rating, latest.ratedBy, ratedAt, publishedBy, publishedAt));
    }

    private String ratingName(String rating) {
        return rating == null || !scale.has(rating) ? rating : scale.rating("rating", rating).alternateName();
    }

    /** The review in a sentence, never to be mistaken for the dispute standing the rules derive. */
    static String label(ReviewState state, String assignee, String rating, String ratedBy, Instant ratedAt,
                        String publishedBy, Instant publishedAt) {
        return switch (state) {
            case UNASSIGNED -> "not reviewed by the desk";
            case ASSIGNED -> "desk review assigned to " + assignee + ", not started";
            case IN_REVIEW -> "in review by " + assignee + " at the desk";
            case READY -> "rated " + rating + " by " + ratedBy + ", ready to publish (not public)";
            case PUBLISHED -> "rated " + rating + " by the desk on " + DAY.format(ratedAt) + ", published by "
                    + publishedBy + " on " + DAY.format(publishedAt);
            case CORRECTED -> "rated " + rating + " by the desk on " + DAY.format(ratedAt) + ", published by "
                    + publishedBy + " on " + DAY.format(publishedAt) + ", corrected since";
            case UNPUBLISHED -> "the desk's review was unpublished" + (rating == null ? "" : " (it rated " + rating + ")");
        };
    }

    private static String describe(ReviewStepEntity step) {
        String what = switch (step.action) {
            case ASSIGN -> "assigned the review to " + step.assignee;
            case START -> "started the review";
            case RATE -> "rated it " + step.rating + ", ready to publish";
            case PUBLISH -> "published the review (" + step.rating + ") at " + step.url;
            case CORRECT -> "corrected the published review (" + step.rating + "): " + step.reason;
            case UNPUBLISH -> "unpublished the review: " + step.reason;
            case RESTORE -> "restored the review from an archive (" + step.state
                    + (step.rating == null ? "" : ", " + step.rating) + "): " + step.reason;
        };
        return "review of claim #" + step.claimId + ": " + step.by + " " + what;
    }
}
