package io.claimtrack.user;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewUser(
        @NotBlank(message = "must not be blank")
        @Pattern(regexp = "[A-Za-z0-9._@-]{2,100}", message = "2 to 100 letters, digits, '.', '_', '@' or '-'")
        String username,

        @NotBlank(message = "must not be blank")
        @Size(min = 12, max = 200, message = "must be 12 to 200 characters")
        String password,

        @NotEmpty(message = "give at least one of " + Roles.LIST)
        Set<@Pattern(regexp = Roles.PATTERN, message = Roles.ONE_OF) String> roles) {
}
