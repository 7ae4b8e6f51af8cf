package io.claimtrack.claim;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A request to merge an actor registered twice into the one kept, and why. */
public record ActorMerge(
        @NotNull(message = "is required: the id of the actor to keep") @Positive(message = "must be an actor id") Long into,
        @NotBlank(message = "is required: say why they are one actor")
        @Size(max = 2000, message = "must be at most 2000 characters") @PlainText String reason) {
}
