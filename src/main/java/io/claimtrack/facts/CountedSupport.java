package io.claimtrack.facts;

import java.util.Objects;

/**
 * A support that counts toward {@code target}'s status: it stands (the supporting claim is neither
 * RETRACTED nor REFUTED) and its claimant is independent of the target's claimant. Derived by the rules.
 */
public final class CountedSupport {

    private final Claim target;
    private final Claim support;

    public CountedSupport(Claim target, Claim support) {
        this.target = Objects.requireNonNull(target);
        this.support = Objects.requireNonNull(support);
    }

    public Claim getTarget() {
        return target;
    }

    public Claim getSupport() {
        return support;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CountedSupport other && target.equals(other.target) && support.equals(other.support);
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, support);
    }

    @Override
    public String toString() {
        return support + " counts for " + target;
    }
}
