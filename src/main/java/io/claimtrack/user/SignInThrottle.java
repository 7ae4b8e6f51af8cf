package io.claimtrack.user;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.claimtrack.guard.TokenBucket;
import io.claimtrack.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Failed sign-ins are limited per username and per client address, so passwords cannot be guessed at
 * the speed of the network: past the limit every attempt for that name (or from that address) is refused
 * with 429 and Retry-After until the bucket refills, right or wrong password. Successful sign-ins cost
 * nothing, so an API client sending Basic credentials with every request is never slowed.
 */
@ApplicationScoped
public class SignInThrottle {

    /** Past this many remembered names or addresses the buckets start afresh: memory stays bounded. */
    private static final int MAX_TRACKED = 100_000;

    private final int perUser;
    private final int perAddress;
    private final Clock clock;
    private final Map<String, TokenBucket> users = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> addresses = new ConcurrentHashMap<>();

    public SignInThrottle(@ConfigProperty(name = "claimtrack.rate-limit.failed-sign-ins-per-user") int perUser,
                          @ConfigProperty(name = "claimtrack.rate-limit.failed-sign-ins-per-address") int perAddress,
                          Clock clock) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.clock = clock;
    }

    /**
     * @throws AuthenticationFailedException carrying {@link Problem#RETRY_AFTER_ATTRIBUTE} (seconds) when this name or address
     *                                       has used up its failed attempts
     */
    public void check(String username, String address) {
        long now = clock.millis();
        long wait = Math.max(bucket(users, key(username), perUser).peek(now),
                address == null ? 0 : bucket(addresses, address, perAddress).peek(now));
        if (wait > 0) {
            throw new AuthenticationFailedException("too many failed sign-ins", Map.of(Problem.RETRY_AFTER_ATTRIBUTE, wait));
        }
    }

    public void failed(String username, String address) {
        long now = clock.millis();
        bucket(users, key(username), perUser).take(now);
        if (address != null) {
            bucket(addresses, address, perAddress).take(now);
        }
    }

    /** The sign-in form is refused before it is read when its address has used up its attempts. */
    void guardTheSignInForm(@Observes Router router) {
        router.route(HttpMethod.POST, "/j_security_check").order(Integer.MIN_VALUE).handler(this::formAttempt);
    }

    private void formAttempt(RoutingContext context) {
        String address = address(context);
        long wait = address == null ? 0 : bucket(addresses, address, perAddress).peek(clock.millis());
        if (wait > 0) {
            context.response().setStatusCode(429).putHeader("Retry-After", String.valueOf(wait))
                    .putHeader("Content-Type", "application/problem+json")
                    .end("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":"
                            + "\"Too many failed sign-ins from this address; try again in " + wait + " s\"}");
            return;
        }
        context.next();
    }

    static String address(RoutingContext context) {
        return context == null || context.request().remoteAddress() == null ? null
                : context.request().remoteAddress().hostAddress();
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static TokenBucket bucket(Map<String, TokenBucket> buckets, String key, int perMinute) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> new TokenBucket(perMinute));
    }
}
