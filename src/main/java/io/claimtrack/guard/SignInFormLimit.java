package io.claimtrack.guard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.claimtrack.problem.Problem;
import io.claimtrack.user.SignInThrottle;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The sign-in form is refused before it is read when its address has used up its failed attempts. */
@ApplicationScoped
public class SignInFormLimit {

    private final SignInThrottle throttle;

    public SignInFormLimit(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.POST, "/j_security_check").order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        long wait = throttle.waitForAddress(SignInThrottle.address(context));
        if (wait > 0) {
            Problems.end(context, Problem.of(429, "Too many failed sign-ins from this address; try again in " + wait + " s",
                    context.request().path()), "Retry-After", String.valueOf(wait));
            return;
        }
        context.next();
    }
}
