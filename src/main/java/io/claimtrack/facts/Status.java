package io.claimtrack.facts;

import java.util.Objects;

/** The status the policy gives a claim, with the rule that gave it and why. Derived by the rules. */
public final class Status {

    private final Claim claim;
    private final ClaimStatus status;
    private final String rule;
    private final String explanation;

    public Status(Claim claim, ClaimStatus status, String rule, String explanation) {
        this.claim = Objects.requireNonNull(claim, "claim");
        this.status = Objects.requireNonNull(status, "status");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.explanation = Objects.requireNonNull(explanation, "explanation");
    }

    /** The winning candidate becomes the status. */
    public Status(StatusCandidate candidate) {
        this(candidate.getClaim(), candidate.getStatus(), candidate.getRule(), candidate.getExplanation());
    }

    public Claim getClaim() {
        return claim;
    }

    public ClaimStatus getStatus() {
        return status;
    }

    public String getRule() {
        return rule;
    }

    public String getExplanation() {
        return explanation;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Status other && claim.equals(other.claim) && status == other.status
                && rule.equals(other.rule) && explanation.equals(other.explanation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(claim, status, rule, explanation);
    }

    @Override
    public String toString() {
        return claim + " is " + status;
    }
}
