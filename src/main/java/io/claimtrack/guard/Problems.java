package io.claimtrack.guard;

import io.claimtrack.problem.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/** Answers a route with a problem body, for the guards that run before any resource is reached. */
final class Problems {

    private Problems() {
    }

    /** @param header a header name and value to send with it, or nothing */
    static void end(RoutingContext context, Problem problem, String... header) {
        var response = context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        for (int i = 0; i + 1 < header.length; i += 2) {
            response.putHeader(header[i], header[i + 1]);
        }
        response.end(Json.encode(problem));
    }
}
