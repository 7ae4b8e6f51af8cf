package io.claimtrack.user;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/** A disabled user's credentials no longer authenticate, though the account and its history stay. */
@ApplicationScoped
public class DisabledUsers implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            String name = identity.getPrincipal().getName();
            boolean disabled = QuarkusTransaction.requiringNew().call(() ->
                    UserEntity.findByUsername(name).map(u -> u.disabled).orElse(true));
            if (disabled) {
                throw new AuthenticationFailedException("user " + name + " is disabled");
            }
            return identity;
        });
    }
}
