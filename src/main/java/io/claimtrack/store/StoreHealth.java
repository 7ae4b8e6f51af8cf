package io.claimtrack.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.quarkus.runtime.configuration.MemorySize;

/**
 * Whether the store can write. A write refused for want of disk (or by a store that became read-only) is
 * told apart from other failures, so the client gets a 503 that says so, not a generic 500, and readiness
 * goes DOWN: while the data directory's disk has less free space than {@code claimtrack.store.min-free-space},
 * and for a minute after a write failed that way. The transaction of the refused write was rolled back:
 * nothing acknowledged is lost, and nothing of the refused request is kept.
 */
@ApplicationScoped
public class StoreHealth {

    private static final Duration REMEMBER_FAILURE = Duration.ofMinutes(1);
    /** H2: NO_DISK_SPACE_AVAILABLE, IO_EXCEPTION_1/2, DATABASE_IS_READ_ONLY. */
    private static final int[] H2_CANNOT_WRITE = {90100, 90028, 90031, 90097};
    /** PostgreSQL: disk_full, insufficient_resources, io_error, read_only_sql_transaction. */
    private static final String[] SQL_STATES_CANNOT_WRITE = {"53100", "53000", "58030", "25006"};
    /** The database server cannot be reached or is going away: connection_exception (08...), admin or crash shutdown, cannot_connect_now. */
    public static final String UNREACHABLE = "the database cannot be reached";

    private final Path dataDir;
    private final long minFreeBytes;
    private final Clock clock;
    private volatile Instant lastFailure;
    private volatile String lastReason;

    public StoreHealth(@ConfigProperty(name = "claimtrack.data-dir") Path dataDir,
                       @ConfigProperty(name = "claimtrack.store.min-free-space") MemorySize minFree, Clock clock) {
        this.dataDir = dataDir;
        this.minFreeBytes = minFree.asLongValue();
        this.clock = clock;
    }

    /**
     * @return why the store could not serve, when {@code failure} is that (no room to write, a read-only store,
     * a database that cannot be reached); a failed write is remembered for readiness
     */
    public Optional<String> cannotWrite(Throwable failure) {
        Optional<String> reason = reasonOf(failure);
        // An unreachable database is readiness' datasource check's to report, and comes back by itself.
        reason.filter(why -> !why.equals(UNREACHABLE)).ifPresent(why -> {
            lastFailure = clock.instant();
            lastReason = why;
        });
        return reason;
    }

    /** Looks through causes and suppressed exceptions: a failed commit carries the store's error as suppressed. */
    static Optional<String> reasonOf(Throwable failure) {
        java.util.Deque<Throwable> pending = new java.util.ArrayDeque<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (failure != null) {
            pending.push(failure);
        }
        while (!pending.isEmpty()) {
            Throwable cause = pending.pop();
            if (!seen.add(cause) || seen.size() > 100) {
                continue;
            }
            Optional<String> reason = reasonOfOne(cause);
            if (reason.isPresent()) {
                return reason;
            }
            if (cause.getCause() != null) {
                pending.push(cause.getCause());
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                pending.push(suppressed);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> reasonOfOne(Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("no space left on device") || message.contains("disk full")) {
            return Optional.of("the disk is full");
        }
        // Hibernate's words when the pool gives no connection (the server is down, refuses, or is full).
        if (message.contains("unable to acquire jdbc connection")) {
            return Optional.of(UNREACHABLE);
        }
        if (cause instanceof SQLException sql) {
            for (int code : H2_CANNOT_WRITE) {
                if (sql.getErrorCode() == code) {
                    return Optional.of(code == 90100 ? "the disk is full" : "the database file cannot be written");
                }
            }
            String sqlState = sql.getSQLState() == null ? "" : sql.getSQLState();
            if (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02") || sqlState.equals("57P03")) {
                return Optional.of(UNREACHABLE);
            }
            for (String state : SQL_STATES_CANNOT_WRITE) {
                if (state.equals(sql.getSQLState())) {
                    return Optional.of(state.startsWith("53") ? "the database server is out of disk or memory"
                            : "the database cannot be written");
                }
            }
        }
        return Optional.empty();
    }

    /** For readiness ({@link StoreReadinessCheck}): DOWN while the disk is nearly full or just refused a write. */
    HealthCheckResponse check() {
        long free = freeBytes();
        Instant failed = lastFailure;
        boolean recentFailure = failed != null && failed.plus(REMEMBER_FAILURE).isAfter(clock.instant());
        var response = HealthCheckResponse.named("store")
                .status(free >= minFreeBytes && !recentFailure)
                .withData("freeBytes", free)
                .withData("minFreeBytes", minFreeBytes);
        if (recentFailure) {
            response.withData("lastWriteFailure", failed + ": " + lastReason);
        }
        return response.build();
    }

    private long freeBytes() {
        try {
            Path existing = dataDir.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing == null ? Long.MAX_VALUE : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }
}
