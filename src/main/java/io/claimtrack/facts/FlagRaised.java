package io.claimtrack.facts;

import java.util.Objects;

/** A flag the policy raises on a claim, with the rule that raised it and why. Derived by the rules. */
public final class FlagRaised {

    private final Claim claim;
    private final Flag flag;
    private final String rule;
    private final String explanation;

    public FlagRaised(Claim claim, Flag flag, String rule, String explanation) {
        this.claim = Objects.requireNonNull(claim, "claim");
        this.flag = Objects.requireNonNull(flag, "flag");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.explanation = Objects.requireNonNull(explanation, "explanation");
    }

    public Claim getClaim() {
        return claim;
    }

    public Flag getFlag() {
        return flag;
    }

    public String getRule() {
        return rule;
    }

    public String getExplanation() {
        return explanation;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlagRaised other && claim.equals(other.claim) && flag == other.flag
                && rule.equals(other.rule) && explanation.equals(other.explanation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(claim, flag, rule, explanation);
    }

    @Override
    public String toString() {
        return flag + " on " + claim;
    }
}
