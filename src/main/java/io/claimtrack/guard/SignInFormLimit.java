package io.claimtrack.guard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.claimtrack.problem.Problem;
import io.claimtrack.user.SignInThrottle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The sign-in form is refused before it is read when its address has used up its failed attempts. */
@ApplicationScoped
public class SignInFormLimit {

    private final SignInThrottle throttle;
    private final Counter refusals;

    public SignInFormLimit(SignInThrottle throttle, MeterRegistry registry) {
        this.throttle = throttle;
        this.refusals = Counter.builder("claimtrack.rate.limit.refusals").tag("limit", "sign-in")
                .description("Requests refused with 429 by a rate limit").register(registry);
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.POST, "/j_security_check").order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        long wait = throttle.waitForAddress(SignInThrottle.address(context));
        if (wait > 0) {
            refusals.increment();
            Problems.end(context, Problem.of(429, "Too many failed sign-ins from this address; try again in " + wait + " s",
                    context.request().path()), "Retry-After", String.valueOf(wait));
            return;
        }
        context.next();
    }
}
