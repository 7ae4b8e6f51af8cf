package io.claimtrack.imports;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import io.claimtrack.claim.Relation;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * How the desk reads another fact-checker's rating: which textual ratings dispute the claim reviewed and which
 * support it, and, for a numeric rating, the shares of its scale (0 the worst, 1 the best) at or below which it
 * disputes and at or above which it supports. A rating it does not cover is reported, never guessed: the desk
 * adds it here when it knows what that publisher means by it.
 */
@ConfigMapping(prefix = "claimtrack.claimreview-in")
public interface RatingMapping {

    /** The largest ClaimReview document or page taken, in bytes: it is read whole. */
    @WithName("max-bytes")
    long maxBytes();

    /** Textual ratings that dispute the claim, any case. */
    List<String> disputing();

    /** Textual ratings that support the claim, any case. */
    List<String> supporting();

    @WithName("disputing-at-most")
    OptionalDouble disputingAtMost();

    @WithName("supporting-at-least")
    OptionalDouble supportingAtLeast();

    /** A textual rating's relation, or null when the desk's mapping does not name it. */
    default Relation.Kind ofText(String rating) {
        String key = key(rating);
        if (disputing().stream().map(RatingMapping::key).anyMatch(key::equals)) {
            return Relation.Kind.DISPUTES;
        }
        if (supporting().stream().map(RatingMapping::key).anyMatch(key::equals)) {
            return Relation.Kind.SUPPORTS;
        }
        return null;
    }

    /** A numeric rating's relation by its place on its scale, or null in the middle or when no threshold is set. */
    default Relation.Kind ofNumber(double value, double worst, double best) {
        double share = (value - worst) / (best - worst);
        if (disputingAtMost().isPresent() && share <= disputingAtMost().getAsDouble()) {
            return Relation.Kind.DISPUTES;
        }
        if (supportingAtLeast().isPresent() && share >= supportingAtLeast().getAsDouble()) {
            return Relation.Kind.SUPPORTS;
        }
        return null;
    }

    /** Ratings compare by their words: "Pants on Fire!", "pants on fire" and "Pants-on-fire" are one. */
    static String key(String rating) {
        return String.join(" ", rating.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).strip();
    }
}
