package io.claimtrack.facts;

import java.time.Instant;
import java.util.Objects;

/**
 * One statement by one claimant, as the rules see it. At most one of {@code disputes},
 * {@code supports} and {@code retracts} holds the id of the earlier claim it points at.
 */
public final class Claim {

    private final long id;
    private final Actor claimant;
    private final String topic;
    private final Instant assertedAt;
    private final Long disputes;
    private final Long supports;
    private final Long retracts;

    public Claim(long id, Actor claimant, String topic, Instant assertedAt, Long disputes, Long supports, Long retracts) {
        this.id = id;
        this.claimant = Objects.requireNonNull(claimant, "claimant");
        this.topic = topic;
        this.assertedAt = Objects.requireNonNull(assertedAt, "assertedAt");
        this.disputes = disputes;
        this.supports = supports;
        this.retracts = retracts;
    }

    public long getId() {
        return id;
    }

    public Actor getClaimant() {
        return claimant;
    }

    public String getTopic() {
        return topic;
    }

    public Instant getAssertedAt() {
        return assertedAt;
    }

    public Long getDisputes() {
        return disputes;
    }

    public Long getSupports() {
        return supports;
    }

    public Long getRetracts() {
        return retracts;
    }

    /** The claim this one disputes, supports or retracts; null for a claim that opens a thread. */
    public Long getRepliesTo() {
        return disputes != null ? disputes : supports != null ? supports : retracts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Claim other && id == other.id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "claim #" + id + " by " + claimant.getName();
    }
}
