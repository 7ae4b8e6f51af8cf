package io.claimtrack.facts;

import java.time.Instant;
import java.util.Objects;

/**
 * An analyst's verdict on a claim: a fact like any other, which the policy weighs. Only verdicts in
 * force (recorded and not withdrawn as of the evaluation) are given to the rules.
 */
public final class Verdict {

    private final long id;
    private final long claimId;
    private final ClaimStatus status;
    private final String analyst;
    private final String reason;
    private final Instant at;

    public Verdict(long id, long claimId, ClaimStatus status, String analyst, String reason, Instant at) {
        this.id = id;
        this.claimId = claimId;
        this.status = Objects.requireNonNull(status, "status");
        this.analyst = Objects.requireNonNull(analyst, "analyst");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.at = Objects.requireNonNull(at, "at");
    }

    public long getId() {
        return id;
    }

    public long getClaimId() {
        return claimId;
    }

    public ClaimStatus getStatus() {
        return status;
    }

    public String getAnalyst() {
        return analyst;
    }

    public String getReason() {
        return reason;
    }

    public Instant getAt() {
        return at;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Verdict other && id == other.id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "verdict #" + id + " " + status + " on claim #" + claimId + " by " + analyst;
    }
}
