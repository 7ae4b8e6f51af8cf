package io.claimtrack.rules;

import java.time.Instant;
import java.util.List;

import io.claimtrack.facts.Claim;
import io.claimtrack.facts.Evidence;
import io.claimtrack.facts.Review;
import io.claimtrack.facts.Verdict;

/**
 * What one evaluation reasons over: claims, the analysts' verdicts in force, the desk's reviews as they
 * stood, the evidence known, and the instant it is made as of.
 */
public record FactSet(List<Claim> claims, List<Verdict> verdicts, List<Review> reviews, List<Evidence> evidence,
                      Instant now) {

    public FactSet {
        claims = List.copyOf(claims);
        verdicts = List.copyOf(verdicts);
        reviews = List.copyOf(reviews);
        evidence = List.copyOf(evidence);
    }

    /** Claims and verdicts, no review and no evidence: what scenarios and benchmarks that do not speak of them give. */
    public FactSet(List<Claim> claims, List<Verdict> verdicts, Instant now) {
        this(claims, verdicts, List.of(), List.of(), now);
    }

    /** How many facts go in: what the evaluation's bounds are measured against. */
    int size() {
        return claims.size() + verdicts.size() + reviews.size() + evidence.size();
    }
}
