package io.claimtrack.user;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.claimtrack.time.TokenBucket;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.RoutingContext;

/**
 * Failed sign-ins are limited per username and per client address, so passwords cannot be guessed at
 * the speed of the network: past the limit every attempt for that name (or from that address) is refused
 * with 429 and Retry-After until the bucket refills, right or wrong password. Successful sign-ins cost
 * nothing, so an API client sending Basic credentials with every request is never slowed.
 */
@ApplicationScoped
public class SignInThrottle {

    /**
     * The attribute of a refused sign-in ({@code AuthenticationFailedException}) that says, in seconds, when
     * to try again: the answer is then 429 with Retry-After, not 401.
     */
    public static final String RETRY_AFTER_ATTRIBUTE = "claimtrack.retry-after-seconds";

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
     * @throws AuthenticationFailedException carrying {@link #RETRY_AFTER_ATTRIBUTE} (seconds) when this name or address
     *                                       has used up its failed attempts
     */
    public void check(String username, String address) {
        long now = clock.millis();
        long wait = Math.max(bucket(users, key(username), perUser).peek(now),
                address == null ? 0 : bucket(addresses, address, perAddress).peek(now));
        if (wait > 0) {
            throw new AuthenticationFailedException("too many failed sign-ins", Map.of(RETRY_AFTER_ATTRIBUTE, wait));
        }
    }

    public void failed(String username, String address) {
        long now = clock.millis();
        bucket(users, key(username), perUser).take(now);
        if (address != null) {
            bucket(addresses, address, perAddress).take(now);
        }
    }

    /** Seconds until this address may try to sign in again; 0 when it may now. */
    public long waitForAddress(String address) {
        return address == null ? 0 : bucket(addresses, address, perAddress).peek(clock.millis());
    }

    public static String address(RoutingContext context) {
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
