package io.claimtrack.claim;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.claimtrack.refusal.InvalidInput;

/**
 * A correction of a claim: any of its text, topic, assertedAt, claimant and relation, with the reason
 * (required). The relation is corrected by naming the claim it now disputes, supports or retracts (one of
 * them), or by {@code standsAlone: true} when it answers none and opens a thread of its own.
 */
public record ClaimCorrection(
        @Size(max = 10_000, message = "must be at most 10000 characters") @PlainText String text,
        @Size(max = 200, message = "must be at most 200 characters") @PlainText String topic,
        Instant assertedAt,
        @Size(max = 200, message = "must be at most 200 characters") @PlainText String claimant,
        @Positive(message = "must be a claim id") Long disputes,
        @Positive(message = "must be a claim id") Long supports,
        @Positive(message = "must be a claim id") Long retracts,
        Boolean standsAlone,
        @NotBlank(message = "is required: say why the claim is corrected")
        @Size(max = 2000, message = "must be at most 2000 characters") @PlainText String reason) {

    /** A correction that leaves the relation as it is. */
    public ClaimCorrection(String text, String topic, Instant assertedAt, String claimant, String reason) {
        this(text, topic, assertedAt, claimant, null, null, null, null, reason);
    }

    /** Whether the correction says anything about the relation. */
    boolean correctsRelation() {
        return disputes != null || supports != null || retracts != null || Boolean.TRUE.equals(standsAlone);
    }

    /**
     * The relation asked for, null when the claim is to stand alone (see {@link #correctsRelation}).
     * @throws InvalidInput when two relations are given, or one and standsAlone
     */
    Relation relation() {
        Relation relation = Relation.of(disputes, supports, retracts);
        if (relation != null && Boolean.TRUE.equals(standsAlone)) {
            throw new InvalidInput("standsAlone", "give standsAlone or the claim it " + relation.kind().field()
                    + ", not both");
        }
        return relation;
    }
}
