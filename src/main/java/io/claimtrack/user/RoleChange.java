package io.claimtrack.user;

import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

public record RoleChange(
        @NotEmpty(message = "give at least one of " + Roles.LIST + " (disable the account to shut it)")
        Set<@Pattern(regexp = Roles.PATTERN, message = Roles.ONE_OF) String> roles) {
}
