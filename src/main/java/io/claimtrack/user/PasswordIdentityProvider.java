package io.claimtrack.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;

/**
 * Signs users in against {@link UserEntity}. bcrypt is deliberately slow (tens of milliseconds), so a
 * password once verified is remembered for a few minutes, as a SHA-256 digest of user, stored hash and
 * password (changing the password forgets it). Roles and the disabled flag are read on every request,
 * so a role change or a disabled account takes effect at once.
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final long REMEMBER_MILLIS = Duration.ofMinutes(5).toMillis();
    private static final int MAX_REMEMBERED = 10_000;

    private final Map<String, Long> verified = new ConcurrentHashMap<>();
    private final SignInThrottle throttle;

    public PasswordIdentityProvider(SignInThrottle throttle) {
        this.throttle = throttle;
    }
    /**
     * An unknown or disabled user's password is checked against this hash all the same, so that the answer
     * takes as long as for a known user with a wrong password: timing does not tell which usernames exist.
     */
    private static final String NOBODY = BcryptUtil.bcryptHash(java.util.UUID.randomUUID().toString());

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String address = SignInThrottle.address(HttpSecurityUtils.getRoutingContextAttribute(request));
        return context.runBlocking(() -> {
            String username = request.getUsername();
            String password = new String(request.getPassword().getPassword());
            throttle.check(username, address);
            UserEntity user = QuarkusTransaction.requiringNew().call(() -> UserEntity.findByUsername(username).orElse(null));
            if (user == null || user.disabled) {
                BcryptUtil.matches(password, NOBODY);
                throttle.failed(username, address);
                throw new AuthenticationFailedException("unknown or disabled user");
            }
            String digest = digest(username, user.password, password);
            Long until = verified.get(digest);
            long now = System.currentTimeMillis();
            if (until == null || until < now) {
                if (!BcryptUtil.matches(password, user.password)) {
                    throttle.failed(username, address);
                    throw new AuthenticationFailedException("wrong password");
                }
                if (verified.size() > MAX_REMEMBERED) {
                    verified.clear();
                }
                verified.put(digest, now + REMEMBER_MILLIS);
            }
            return user.toIdentity();
        });
    }

    private static String digest(String username, String hash, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {username, hash, password}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
