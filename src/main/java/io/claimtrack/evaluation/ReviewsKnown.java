package io.claimtrack.evaluation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.claimtrack.facts.Review;

/** The desk's reviews as evaluation needs them, implemented where reviews are stored. */
public interface ReviewsKnown {

    /** The reviews of these claims as they stood at {@code at} (system time), as facts; none for an untouched claim. */
    List<Review> asFacts(Collection<Long> claimIds, Instant at);
}
