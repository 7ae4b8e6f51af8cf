package io.claimtrack.facts;

import java.util.Objects;

/**
 * A dispute that counts toward {@code target}'s status: it stands (the disputing claim is neither
 * RETRACTED nor REFUTED) and its claimant is independent of the target's claimant. Derived by the rules.
 */
public final class CountedDispute {

    private final Claim target;
    private final Claim dispute;

    public CountedDispute(Claim target, Claim dispute) {
        this.target = Objects.requireNonNull(target);
        this.dispute = Objects.requireNonNull(dispute);
    }

    public Claim getTarget() {
        return target;
    }

    public Claim getDispute() {
        return dispute;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CountedDispute other && target.equals(other.target) && dispute.equals(other.dispute);
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, dispute);
    }

    @Override
    public String toString() {
        return dispute + " counts against " + target;
    }
}
