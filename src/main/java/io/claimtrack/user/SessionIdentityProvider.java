package io.claimtrack.user;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * Pages sign in with a form; afterwards the encrypted session cookie names the user, and this provider
 * turns that name back into an identity, with roles and the disabled flag read afresh.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            UserEntity user = QuarkusTransaction.requiringNew().call(() ->
                    UserEntity.findByUsername(request.getPrincipal()).orElse(null));
            if (user == null || user.disabled) {
                throw new AuthenticationFailedException("unknown or disabled user");
            }
            return user.toIdentity();
        });
    }
}
