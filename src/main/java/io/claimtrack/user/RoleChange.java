package io.claimtrack.user;

import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

public record RoleChange(
        @NotEmpty(message = "give at least one of VIEWER, SUBMITTER, ANALYST, ADMIN (disable the account to shut it)")
        Set<@Pattern(regexp = "VIEWER|SUBMITTER|ANALYST|ADMIN", message = "must be one of VIEWER, SUBMITTER, ANALYST, ADMIN")
            String> roles) {
}
