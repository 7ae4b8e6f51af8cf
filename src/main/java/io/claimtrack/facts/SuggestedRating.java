package io.claimtrack.facts;

import java.util.Objects;

/**
 * A rating the policy suggests to the desk for a claim, from its standing, with the rule and why.
 * Derived by the rules and shown beside the review: advice only, it never sets the desk's rating.
 * The rating must be a name on the desk's scale (see the README); a suggestion of a name the scale
 * does not have is not shown, and logged.
 */
public final class SuggestedRating {

    private final Claim claim;
    private final String rating;
    private final String rule;
    private final String explanation;

    public SuggestedRating(Claim claim, String rating, String rule, String explanation) {
        this.claim = Objects.requireNonNull(claim, "claim");
        this.rating = Objects.requireNonNull(rating, "rating");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.explanation = Objects.requireNonNull(explanation, "explanation");
    }

    public Claim getClaim() {
        return claim;
    }

    public String getRating() {
        return rating;
    }

    public String getRule() {
        return rule;
    }

    public String getExplanation() {
        return explanation;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SuggestedRating other && claim.equals(other.claim) && rating.equals(other.rating)
                && rule.equals(other.rule) && explanation.equals(other.explanation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(claim, rating, rule, explanation);
    }

    @Override
    public String toString() {
        return "suggested " + rating + " for " + claim;
    }
}
