package io.claimtrack.user;

import java.time.Clock;
import java.util.List;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import io.claimtrack.refusal.NotFound;
import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.refusal.Conflict;

@ApplicationScoped
public class UserService {

    private final Clock clock;

    public UserService(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public UserView create(NewUser request, String by) {
        UserEntity.findByUsername(request.username()).ifPresent(existing -> {
            throw new Conflict("username", "user " + existing.username + " already exists");
        });
        PasswordRules.problem(request.username(), request.password()).ifPresent(problem -> {
            throw new InvalidInput("password", problem);
        });
        UserEntity user = UserEntity.create(request.username(), request.password(), request.roles(), clock.instant(), by);
        user.persist();
        return UserView.of(user);
    }

    /** Whether the user exists, is enabled and holds {@code role} now (work done later on a user's behalf, as imports). */
    @Transactional
    public boolean hasRole(String username, String role) {
        return UserEntity.findByUsername(username).filter(user -> !user.disabled && user.roleSet().contains(role)).isPresent();
    }

    @Transactional
    public List<UserView> list() {
        return UserEntity.<UserEntity>listAll(Sort.by("username")).stream().map(UserView::of).toList();
    }

    @Transactional
    public UserView setRoles(String username, RoleChange change, String by) {
        UserEntity user = existing(username);
        if (user.username.equals(by) && user.roleSet().contains(Roles.ADMIN) && !change.roles().contains(Roles.ADMIN)) {
            throw new Conflict("roles", "an admin cannot remove their own ADMIN role");
        }
        user.roles = String.join(",", new TreeSet<>(change.roles()));
        return UserView.of(user);
    }

    @Transactional
    public UserView setDisabled(String username, boolean disabled, String by) {
        UserEntity user = existing(username);
        if (user.username.equals(by) && disabled) {
            throw new Conflict("username", "an admin cannot disable their own account");
        }
        user.disabled = disabled;
        return UserView.of(user);
    }

    private static UserEntity existing(String username) {
        return UserEntity.findByUsername(username)
                .orElseThrow(() -> new NotFound("No user named " + username));
    }
}
