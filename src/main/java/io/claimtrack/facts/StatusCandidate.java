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
    private final long basis;
    private final String rule;
    private final String explanation;

    public StatusCandidate(Claim claim, ClaimStatus status, int precedence, String rule, String explanation) {
        this(claim, status, precedence, 0, rule, explanation);
    }

    /**
     * A candidate resting on one fact of several that could give the same row (a retraction among two): its
     * id, {@code basis}, breaks the tie, the earliest first.
     */
    public StatusCandidate(Claim claim, ClaimStatus status, int precedence, long basis, String rule, String explanation) {
        this.claim = Objects.requireNonNull(claim, "claim");
        this.status = Objects.requireNonNull(status, "status");
        this.precedence = precedence;
        this.basis = basis;
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

    public long getBasis() {
        return basis;
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
                && precedence == other.precedence && basis == other.basis && rule.equals(other.rule)
                && explanation.equals(other.explanation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(claim, status, precedence, basis, rule, explanation);
    }

    @Override
    public String toString() {
        return status + " (" + precedence + ") for " + claim + " by \"" + rule + "\"";
    }
}
