package io.claimtrack.guard;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.claimtrack.problem.Problem;
import io.claimtrack.time.TokenBucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Guards every write, to the API and through the pages' forms: a body-size limit per endpoint family (413)
 * and a rate limit per signed-in user, or per client address for anonymous callers (429 with Retry-After).
 * Sign-in attempts have limits of their own ({@code user.SignInThrottle}).
 */
@ApplicationScoped
public class WriteLimits {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Claims, actors, verdicts, users: small documents. */
    static final long SMALL_BODY = 64 * 1024;
    /** Rulesets carry DRL files: larger, still bounded (the validator's own limit is 300,000 characters). */
    static final long RULESET_BODY = 1024 * 1024;

    private final int writesPerMinute;
    private final long importBytes;
    private final Clock clock;
    private final CurrentIdentityAssociation identities;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    private final Counter refusals;

    public WriteLimits(@ConfigProperty(name = "claimtrack.rate-limit.writes-per-minute") int writesPerMinute,
                       @ConfigProperty(name = "claimtrack.imports.max-bytes") long importBytes, Clock clock,
                       CurrentIdentityAssociation identities, MeterRegistry registry) {
        this.refusals = Counter.builder("claimtrack.rate.limit.refusals").tag("limit", "writes")
                .description("Requests refused with 429 by a rate limit").register(registry);
        this.writesPerMinute = writesPerMinute;
        this.importBytes = importBytes;
        this.clock = clock;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> guard(ContainerRequestContext request, HttpServerRequest http) {
        if (!WRITES.contains(request.getMethod())) {
            return Uni.createFrom().nullItem();
        }
        String path = request.getUriInfo().getPath();
        boolean isImport = path.startsWith("/api/imports");
        long limit = isImport ? importBytes
                : path.startsWith("/api/rulesets") || path.startsWith("/rules") ? RULESET_BODY : SMALL_BODY;
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null && !isImport && "chunked".equalsIgnoreCase(request.getHeaderString("Transfer-Encoding"))) {
            // Only an import streams; any other body is read whole, so its size must be known up front.
            return Uni.createFrom().item(problem(411, "Send this body with a Content-Length (at most " + limit
                    + " bytes); only /api/imports takes a chunked upload", path).build());
        }
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limit) {
            return Uni.createFrom().item(problem(413, "The body is " + length + " bytes; this endpoint takes at most "
                    + limit, path).build());
        }
        // Identity is resolved lazily (proactive authentication is off); a failed sign-in counts as anonymous here
        // and is refused by the endpoint itself.
        return identities.getDeferredIdentity()
                .onFailure().recoverWithItem(() -> null)
                .map(identity -> rateLimit(identity, http, path));
    }

    private Response rateLimit(SecurityIdentity identity, HttpServerRequest http, String path) {
        String who = identity == null || identity.isAnonymous()
                ? "address " + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress())
                : "user " + identity.getPrincipal().getName();
        TokenBucket bucket = buckets.computeIfAbsent(who, k -> new TokenBucket(writesPerMinute));
        long waitSeconds = bucket.take(clock.millis());
        if (waitSeconds > 0) {
            refusals.increment();
            return problem(429, "Too many writes from " + who + ": at most " + writesPerMinute + " a minute", path)
                    .header("Retry-After", String.valueOf(waitSeconds)).build();
        }
        return null;
    }

    private static Response.ResponseBuilder problem(int status, String detail, String path) {
        return Problem.of(status, detail, path).response();
    }
}
