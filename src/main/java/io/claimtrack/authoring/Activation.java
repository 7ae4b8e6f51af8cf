package io.claimtrack.authoring;

import jakarta.validation.constraints.Size;

/** Whether to activate despite failing scenarios (then a reason is required). The author is the caller. */
public record Activation(
        boolean force,

        @Size(max = 2000, message = "must be at most 2000 characters")
        String reason) {
}
