package io.claimtrack.rating;

/**
 * One rating of the desk's scale, with what schema.org's ClaimReview says of it: {@code ratingValue} on
 * a scale from {@code worstRating} to {@code bestRating}, and the words readers see ({@code alternateName}).
 * A rating off the numeric scale (UNPROVEN) has no value and no bounds.
 */
public record Rating(String name, String alternateName, Integer ratingValue, Integer bestRating, Integer worstRating) {

    public boolean onScale() {
        return ratingValue != null;
    }
}
