package io.claimtrack.guard;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The API takes credentials from the Authorization header only. The pages' sign-in cookie is taken off
 * every request to {@code /api/} before anything authenticates it: a page's visitor cannot be made to call
 * the API from another site (the API has no CSRF tokens), and a stolen cookie opens no API.
 */
public class ApiTakesNoCookies {

    static final String SESSION_COOKIE = "quarkus-credential";

    /** Ordered before Quarkus' own handlers, authentication among them. */
    void register(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).handler(ApiTakesNoCookies::dropSessionCookie);
    }

    static void dropSessionCookie(RoutingContext context) {
        String path = context.request().path();
        String cookies = context.request().getHeader(HttpHeaders.COOKIE);
        if (path != null && path.startsWith("/api/") && cookies != null && cookies.contains(SESSION_COOKIE)) {
            String kept = Arrays.stream(cookies.split(";"))
                    .filter(cookie -> !cookie.strip().startsWith(SESSION_COOKIE + "="))
                    .collect(Collectors.joining(";"));
            if (kept.isBlank()) {
                context.request().headers().remove(HttpHeaders.COOKIE);
            } else {
                context.request().headers().set(HttpHeaders.COOKIE, kept);
            }
        }
        context.next();
    }
}
