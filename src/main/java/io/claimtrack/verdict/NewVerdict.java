package io.claimtrack.verdict;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.claimtrack.facts.ClaimStatus;

/** An analyst's verdict: the status the analyst holds the claim to have, and why. The analyst is the caller. */
public record NewVerdict(
        @NotNull(message = "is required: one of RETRACTED, REFUTED, CONTESTED, CONFIRMED, CORROBORATED, UNVERIFIED")
        ClaimStatus status,

        @NotBlank(message = "must not be blank: say why")
        @Size(max = 2000, message = "must be at most 2000 characters")
        String reason) {
}
