package io.claimtrack.user;

import java.time.Instant;
import java.util.SortedSet;

/** A user as the admin API shows it: never the password hash. */
public record UserView(String username, SortedSet<String> roles, boolean disabled, Instant createdAt, String createdBy) {

    static UserView of(UserEntity user) {
        return new UserView(user.username, user.roleSet(), user.disabled, user.createdAt, user.createdBy);
    }
}
