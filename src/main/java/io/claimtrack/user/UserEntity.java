package io.claimtrack.user;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** A user of the API: bcrypt password hash, roles, and whether the account is disabled. See PasswordIdentityProvider. */
@Entity
@Table(name = "app_user")
public class UserEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String username;

    /** The username in lower case: unique, so "Ana" and "ana" are one user. */
    @Column(name = "username_key", nullable = false, unique = true)
    public String usernameKey;

    /** bcrypt, in Modular Crypt Format ($2a$...), never the password itself. */
    @Column(nullable = false)
    public String password;

    @Column(nullable = false)
    public String roles;

    @Column(nullable = false)
    public boolean disabled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    public static UserEntity create(String username, String password, Collection<String> roles, Instant now, String by) {
        UserEntity user = new UserEntity();
        user.username = username;
        user.usernameKey = keyOf(username);
        user.password = BcryptUtil.bcryptHash(password);
        user.roles = String.join(",", new TreeSet<>(roles));
        user.createdAt = now;
        user.createdBy = by;
        return user;
    }

    /** The user of that name, in any case. */
    public static Optional<UserEntity> findByUsername(String username) {
        return username == null ? Optional.empty() : find("usernameKey", keyOf(username)).firstResultOptional();
    }

    /** The enabled users holding {@code role}, by name: a desk has tens of users, not thousands. */
    public static List<UserEntity> enabledWithRole(String role) {
        return UserEntity.<UserEntity>list("disabled = false order by usernameKey").stream()
                .filter(user -> user.roleSet().contains(role)).toList();
    }

    static String keyOf(String username) {
        return username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** Who this user is for a request: name and roles as stored now. */
    public SecurityIdentity toIdentity() {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(username)).addRoles(roleSet()).build();
    }

    public SortedSet<String> roleSet() {
        return roles.isEmpty() ? new TreeSet<>() : Arrays.stream(roles.split(","))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
