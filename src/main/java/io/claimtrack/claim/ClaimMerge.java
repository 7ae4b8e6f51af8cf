package io.claimtrack.claim;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A request to merge a duplicate into the claim the desk keeps, and why. */
public record ClaimMerge(
        @NotNull(message = "is required: the id of the claim to keep") @Positive(message = "must be a claim id") Long into,
        @NotBlank(message = "is required: say why the claims are one")
        @Size(max = 2000, message = "must be at most 2000 characters") @PlainText String reason) {
}
