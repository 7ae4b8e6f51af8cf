package io.claimtrack.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

import io.claimtrack.refusal.InvalidInput;

/**
 * CSRF protection for the pages' forms: a random value in an HttpOnly, SameSite=Strict cookie, and in each
 * form a token that is an HMAC, under the server's session key, of that value and the signed-in user. A
 * form post must carry a token that matches both: a token and cookie obtained by someone else (another
 * user, another session) do not verify for this user, and nobody without the key can make one that does.
 * Only forms need it: the JSON API takes credentials from the Authorization header, never from a cookie.
 */
@RequestScoped
public class CsrfToken {

    public static final String NAME = "csrf-token";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Only where no session key is configured (see user.SessionKeySource): tokens then last one process. */
    private static final byte[] PROCESS_KEY = RANDOM.generateSeed(32);

    private final RoutingContext request;
    private final SecurityIdentity identity;
    private final byte[] key;
    private String token;

    public CsrfToken(RoutingContext request, SecurityIdentity identity,
                     @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey) {
        this.request = request;
        this.identity = identity;
        this.key = sessionKey.map(k -> ("csrf:" + k).getBytes(StandardCharsets.UTF_8)).orElse(PROCESS_KEY);
    }

    /** The token to put in a form; issues the cookie the first time. */
    public String value() {
        if (token == null) {
            Cookie existing = request.request().getCookie(NAME);
            String secret;
            if (existing != null && existing.getValue().matches("[A-Za-z0-9_-]{43}")) {
                secret = existing.getValue();
            } else {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                request.response().addCookie(Cookie.cookie(NAME, secret).setPath("/").setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT));
            }
            token = sign(secret);
        }
        return token;
    }

    /** Refuses a form post whose token is missing or is not this cookie's and this user's. */
    public void verify(String submitted) {
        Cookie cookie = request.request().getCookie(NAME);
        if (cookie == null || submitted == null || !MessageDigest.isEqual(
                sign(cookie.getValue()).getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8))) {
            throw new InvalidInput(NAME, "the form's CSRF token is missing or does not match; reload the page and try again");
        }
    }

    private String sign(String secret) {
        String user = identity.isAnonymous() ? "" : identity.getPrincipal().getName();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal((user + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
