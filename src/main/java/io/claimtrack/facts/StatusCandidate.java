package io.claimtrack.facts;

import java.util.Objects;

/**
 * A status some rule would give a claim. Each row of the policy's status table inserts one; the
 * candidate with the lowest {@code precedence} becomes the claim's {@link Status} ("first match wins").
 */
public final class StatusCandidate {

    private final Claim claim;
    private final ClaimStatus status;
    private final int precedence;
    private final String rule;
    private final String explanation;

    public StatusCandidate(Claim claim, ClaimStatus status, int precedence, String rule, String explanation) {
        this.claim = Objects.requireNonNull(claim, "claim");
        this.status = Objects.requireNonNull(status, "status");
        this.precedence = precedence;
        this.rule = Objects.requireNonNull(rule, "rule");
        this.explanation = Objects.requireNonNull(explanation, "explanation");
    }

    public Claim getClaim() {
        return claim;
    }

    public ClaimStatus getStatus() {
        return status;
    }

    public int getPrecedence() {
        return precedence;
    }

    public String getRule() {
        return rule;
    }

    public String getExplanation() {
        return explanation;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatusCandidate other && claim.equals(other.claim) && status == other.status
                && precedence == other.precedence && rule.equals(other.rule) && explanation.equals(other.explanation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(claim, status, precedence, rule, explanation);
    }

    @Override
    public String toString() {
        return status + " (" + precedence + ") for " + claim + " by \"" + rule + "\"";
    }
}
