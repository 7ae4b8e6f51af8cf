package io.claimtrack.status;

/**
 * The rating the rules suggest to the desk for a claim, from its standing: the rule and why. Advice
 * shown beside the desk's review; only a person rates.
 */
public record Suggestion(String rating, String rule, String explanation) {
}
