package io.claimtrack.claim;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A correction of a claim: any of its text, topic, assertedAt and claimant, with the reason (required). The
 * relation (disputes, supports, retracts) is not corrected this way yet: a field of that name is refused.
 */
public record ClaimCorrection(
        @Size(max = 10_000, message = "must be at most 10000 characters") @PlainText String text,
        @Size(max = 200, message = "must be at most 200 characters") @PlainText String topic,
        Instant assertedAt,
        @Size(max = 200, message = "must be at most 200 characters") @PlainText String claimant,
        @NotBlank(message = "is required: say why the claim is corrected")
        @Size(max = 2000, message = "must be at most 2000 characters") @PlainText String reason) {
}
