package io.claimtrack.guard;

import java.net.URI;

import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Locations (a 201's new resource, a sign-in's redirect) are sent as paths, never as absolute URLs built
 * from the request's Host header: whoever sends a forged Host cannot make claimtrack point a client, or a
 * cache in front of it, at another site.
 */
public class RelativeLocations {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(RelativeLocations::relativise);
    }

    static void relativise(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            String location = context.response().headers().get(HttpHeaders.LOCATION);
            if (location != null && (location.startsWith("http://") || location.startsWith("https://"))) {
                context.response().headers().set(HttpHeaders.LOCATION, pathOf(location));
            }
        });
        context.next();
    }

    static String pathOf(String absolute) {
        try {
            URI uri = URI.create(absolute);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
