package io.claimtrack.user;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import io.quarkus.runtime.StartupEvent;

/**
 * With no user yet, creates the first admin: from claimtrack.admin.username/password (or the
 * CLAIMTRACK_ADMIN_* environment variables), or, when no password is configured, with a random one
 * printed once, here, at this first start, with the address to open. There is never a fixed default password.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    private final String username;
    private final Optional<String> password;
    private final Clock clock;
    private final String host;
    private final int port;
    /** How the first admin signs in, until the start has said it; null when this start created no admin. */
    private volatile String signIn;

    public FirstAdmin(@ConfigProperty(name = "claimtrack.admin.username") String username,
                      @ConfigProperty(name = "claimtrack.admin.password") Optional<String> password, Clock clock,
                      @ConfigProperty(name = "quarkus.http.host") String host,
                      @ConfigProperty(name = "quarkus.http.port") int port) {
        this.username = username;
        this.password = password;
        this.clock = clock;
        this.host = host;
        this.port = port;
    }

    /**
     * Instances started at once on an empty database both find no user: one creates the admin, the other's insert
     * fails on the unique name, and it carries on with the admin the first created.
     */
    void onStart(@Observes @Priority(50) StartupEvent start) {
        String created;
        try {
            created = QuarkusTransaction.requiringNew().call(this::createUnlessAnyUser);
        } catch (RuntimeException e) {
            // A lambda, not UserEntity::count: Panache enhances static calls made through the entity, not references.
            if (QuarkusTransaction.requiringNew().call(() -> UserEntity.count()) > 0) {
                LOG.infof("The first admin was created by another instance on this database");
                return;
            }
            throw e;
        }
        if (created == null) {
            return;
        }
        // Told once it is committed (a password for an admin that was never stored would mislead), and last of the
        // start, so that it is the line a new user sees.
        signIn = password.isPresent() ? "the password in CLAIMTRACK_ADMIN_PASSWORD (claimtrack.admin.password)"
                : "the password \"" + created + "\" (shown this once: create named users with it, then keep it safe)";
    }

    /** What a new desk's first start says last: where to open claimtrack, and how to sign in. */
    void tellHowToSignIn(@Observes @Priority(5000) StartupEvent start) {
        if (signIn == null) {
            return;
        }
        String shownHost = "0.0.0.0".equals(host) || "::".equals(host) ? "localhost" : host;
        LOG.infof("%n=====================================================================%n"
                + " claimtrack is ready: open http://%s:%d/ and sign in as \"%s\" with%n %s.%n"
                + "=====================================================================", shownHost, port, username, signIn);
        signIn = null;
    }

    /** @return the new admin's password, or null when there are users already */
    private String createUnlessAnyUser() {
        if (UserEntity.count() > 0) {
            return null;
        }
        String secret = password.filter(p -> !p.isBlank()).orElseGet(FirstAdmin::randomPassword);
        if (secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PasswordRules.MAX_BYTES) {
            // bcrypt would read only its beginning: any password sharing it would sign in as the admin.
            throw new IllegalStateException("claimtrack.admin.password (CLAIMTRACK_ADMIN_PASSWORD) must be at most "
                    + PasswordRules.MAX_BYTES + " bytes in UTF-8");
        }
        // Also the desk's first editor, so a new desk can try a review at once (an admin could give itself the role).
        UserEntity.create(username, secret, Set.of(Roles.ADMIN, Roles.EDITOR), clock.instant(), "first start").persist();
        return secret;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
