package io.claimtrack.guard;

import java.net.URI;

import jakarta.enterprise.event.Observes;

import io.claimtrack.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A form posted to claimtrack's pages, the sign-in form among them, must come from claimtrack's own pages:
 * when the browser says where the post comes from (Origin, else Referer), that must be this host. This is
 * what stops another site from signing a visitor in under the attacker's account (login CSRF), before the
 * sign-in form has any session to tie a token to; the other forms also carry a CSRF token.
 */
public class SameOriginForms {

    void register(@Observes Router router) {
        router.route().method(HttpMethod.POST).order(Integer.MIN_VALUE + 2).handler(SameOriginForms::check);
    }

    static void check(RoutingContext context) {
        String path = context.request().path();
        if (path == null || path.startsWith("/api/")) {
            context.next(); // the API takes no cookies, so another site gains nothing by posting to it
            return;
        }
        // A browser names the page a post comes from; "null" (a sandboxed frame, a data: page) is never ours.
        String from = context.request().getHeader(HttpHeaders.ORIGIN);
        if (from == null) {
            from = context.request().getHeader(HttpHeaders.REFERER);
        }
        String host = context.request().getHeader(HttpHeaders.HOST);
        if (from != null && host != null && !host.equalsIgnoreCase(authority(from))) {
            Problems.end(context, Problem.of(403, "This form was posted from another site", path));
            return;
        }
        context.next();
    }

    private static String authority(String url) {
        try {
            return URI.create(url).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
