package io.claimtrack.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.RequestScoped;

import io.claimtrack.problem.ApiException;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * CSRF protection for the pages' forms (double-submit): a random token in an HttpOnly, SameSite=Strict
 * cookie and the same token in each form; a form post must carry both, equal. Only forms need it: the
 * JSON API takes credentials from a header, never from a cookie.
 */
@RequestScoped
public class CsrfToken {

    public static final String NAME = "csrf-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RoutingContext request;
    private String token;

    public CsrfToken(RoutingContext request) {
        this.request = request;
    }

    /** The token to put in a form; issues the cookie the first time. */
    public String value() {
        if (token == null) {
            Cookie existing = request.request().getCookie(NAME);
            if (existing != null && existing.getValue().matches("[A-Za-z0-9_-]{43}")) {
                token = existing.getValue();
            } else {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                request.response().addCookie(Cookie.cookie(NAME, token).setPath("/").setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT));
            }
        }
        return token;
    }

    /** Refuses a form post whose token is missing or differs from its cookie. */
    public void verify(String submitted) {
        Cookie cookie = request.request().getCookie(NAME);
        if (cookie == null || submitted == null || !MessageDigest.isEqual(
                cookie.getValue().getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.badRequest(NAME, "the form's CSRF token is missing or does not match; reload the page and try again");
        }
    }
}
