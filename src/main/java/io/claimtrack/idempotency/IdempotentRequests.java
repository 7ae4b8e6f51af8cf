package io.claimtrack.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.refusal.Contradiction;
import io.claimtrack.refusal.Conflict;

/**
 * Idempotency-Key for creating POSTs: the same key and body replay the first response (same id, same
 * status); the same key with another body is 422; a retry while the first is still running is 409.
 * Keys are scoped per user and kept 24 hours. A request that fails leaves no key behind, so it can be
 * retried.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    static final Duration KEPT = Duration.ofHours(24);
    /** Well past the transaction timeout (60 s): no request still running holds a key this old. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    private final ObjectMapper json;
    private final Clock clock;

    private final Counter replays;

    public IdempotentRequests(ObjectMapper json, Clock clock, MeterRegistry registry) {
        this.replays = Counter.builder("claimtrack.idempotent.replays")
                .description("Requests answered again from their Idempotency-Key's first answer").register(registry);
        this.json = json;
        this.clock = clock;
    }

    /** Runs {@code action} once per (user, key, request); without a key, simply runs it. */
    public Response execute(String user, String key, String endpoint, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidInput(HEADER, "must be 1 to 200 visible ASCII characters");
        }
        String hash = hash(endpoint, request);
        Response earlier = claim(user, key, hash);
        if (earlier != null) {
            return earlier;
        }
        Response response;
        try {
            // The request's work and its recorded answer commit together: a key is never DONE for work that was
            // lost, nor work kept while its key stays IN_FLIGHT (which would run it twice on a retry).
            response = QuarkusTransaction.requiringNew().call(() -> {
                Response answer = action.get();
                IdempotencyEntity entry = IdempotencyEntity.findById(new IdempotencyEntity.Key(user, key));
                entry.state = IdempotencyEntity.DONE;
                entry.statusCode = answer.getStatus();
                entry.location = answer.getLocation() == null ? null : answer.getLocation().toString();
                entry.body = serialize(answer.getEntity());
                return answer;
            });
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> IdempotencyEntity.delete("username = ?1 and key = ?2", user, key));
            throw e;
        }
        return response;
    }

    /** Records the key as in flight, or answers from what is recorded. @return null when the request should run */
    private Response claim(String user, String key, String hash) {
        for (int attempt = 0; attempt < 2; attempt++) {
            IdempotencyEntity existing = QuarkusTransaction.requiringNew().call(() -> {
                IdempotencyEntity entry = IdempotencyEntity.findById(new IdempotencyEntity.Key(user, key));
                if (entry != null && (entry.createdAt.isBefore(clock.instant().minus(KEPT)) || abandoned(entry))) {
                    entry.delete();
                    return null;
                }
                return entry;
            });
            if (existing != null) {
                return replay(existing, hash, key);
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    IdempotencyEntity entry = new IdempotencyEntity();
                    entry.username = user;
                    entry.key = key;
                    entry.requestHash = hash;
                    entry.state = IdempotencyEntity.IN_FLIGHT;
                    entry.createdAt = clock.instant();
                    entry.persist();
                });
                return null;
            } catch (RuntimeException raced) {
                // Another request with this key got there first: answer from its record.
            }
        }
        throw new Conflict(HEADER, "a request with this " + HEADER + " is in progress; retry later");
    }

    /**
     * A key still IN_FLIGHT long after any transaction could have run: its request died with its instance. Its
     * work did not commit (work and answer commit together), so the retry may run it.
     */
    private boolean abandoned(IdempotencyEntity entry) {
        return !IdempotencyEntity.DONE.equals(entry.state) && entry.createdAt.isBefore(clock.instant().minus(ABANDONED_AFTER));
    }

    private Response replay(IdempotencyEntity entry, String hash, String key) {
        if (!entry.requestHash.equals(hash)) {
            throw new Contradiction(HEADER, "key \"" + key + "\" was already used with a different request");
        }
        if (!IdempotencyEntity.DONE.equals(entry.state)) {
            throw new Conflict(HEADER, "a request with key \"" + key + "\" is still in progress; retry later");
        }
        replays.increment();
        Response.ResponseBuilder replayed = Response.status(entry.statusCode)
                .header("Idempotent-Replayed", "true")
                .entity(entry.body).type(MediaType.APPLICATION_JSON_TYPE);
        if (entry.location != null) {
            replayed.location(URI.create(entry.location));
        }
        return replayed.build();
    }

    @Scheduled(every = "1h", delayed = "1m")
    void forgetExpiredKeys() {
        Instant cutoff = clock.instant().minus(KEPT);
        QuarkusTransaction.requiringNew().run(() -> IdempotencyEntity.delete("createdAt < ?1", cutoff));
    }

    private String hash(String endpoint, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(endpoint.getBytes(StandardCharsets.UTF_8));
            sha.update(serialize(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String serialize(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value, e);
        }
    }
}
