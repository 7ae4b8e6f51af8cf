package io.claimtrack.claim;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Another name an actor is known by. */
public record NewAlias(
        @NotBlank(message = "must not be blank")
        @Size(max = 200, message = "must be at most 200 characters") @PlainText String alias) {
}
