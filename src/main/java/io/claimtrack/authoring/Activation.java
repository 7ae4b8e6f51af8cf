package io.claimtrack.authoring;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Who activates, and whether to activate despite failing scenarios (then a reason is required). */
public record Activation(
        @NotBlank(message = "must not be blank: who activates")
        @Size(max = 200, message = "must be at most 200 characters")
        String author,

        boolean force,

        @Size(max = 2000, message = "must be at most 2000 characters")
        String reason) {
}
