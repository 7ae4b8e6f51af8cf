package io.claimtrack.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.claimtrack.facts.ReviewState;
import io.claimtrack.rating.Rating;
import io.claimtrack.rating.RatingScale;

/** The desk's reviews as published (PUBLISHED, or CORRECTED after it): what leaves claimtrack for readers. */
@ApplicationScoped
public class PublishedReviews {

    private static final List<ReviewState> PUBLISHED = List.of(ReviewState.PUBLISHED, ReviewState.CORRECTED);

    private final RatingScale scale;

    public PublishedReviews(RatingScale scale) {
        this.scale = scale;
    }

    /** A published review: its rating on the desk's scale, summary, URL, first published and last changed. */
    public record Published(long claimId, Rating rating, String summary, String url, Instant publishedAt,
                            Instant modifiedAt) {
    }

    /** The claim's review, if it is published. */
    @Transactional
    public Optional<Published> of(long claimId) {
        ReviewEntity review = ReviewEntity.findById(claimId);
        return review == null || !PUBLISHED.contains(review.state) ? Optional.empty() : Optional.of(published(review));
    }

    /** Reviews published or corrected after {@code since} (all when null), oldest change first, at most {@code limit}. */
    @Transactional
    public List<Published> changedSince(Instant since, int limit) {
        return ReviewEntity.<ReviewEntity>find("state in ?1 and updatedAt > ?2 order by updatedAt, claimId", PUBLISHED,
                        since == null ? Instant.EPOCH : since)
                .page(0, limit).list().stream().map(this::published).toList();
    }

    /** The latest published or corrected reviews, newest change first, at most {@code limit}. */
    @Transactional
    public List<Published> latest(int limit) {
        return ReviewEntity.<ReviewEntity>find("state in ?1 order by updatedAt desc, claimId desc", PUBLISHED)
                .page(0, limit).list().stream().map(this::published).toList();
    }

    private Published published(ReviewEntity review) {
        // A rating taken off the scale since it was given is still published under its name, with no value.
        Rating rating = scale.has(review.rating) ? scale.rating("rating", review.rating)
                : new Rating(review.rating, review.rating, null, null, null);
        return new Published(review.claimId, rating, review.summary, review.url, review.publishedAt, review.updatedAt);
    }
}
