package io.claimtrack.user;

import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record RoleChange(
        @NotNull(message = "is required (an empty list removes every role)")
        Set<@Pattern(regexp = "VIEWER|SUBMITTER|ANALYST|ADMIN", message = "must be one of VIEWER, SUBMITTER, ANALYST, ADMIN")
            String> roles) {
}
