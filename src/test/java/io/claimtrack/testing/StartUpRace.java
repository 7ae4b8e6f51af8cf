package io.claimtrack.testing;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Two instances starting at once on an empty database, held in the order that makes them collide: the other
 * instance's transaction writes its row and keeps it uncommitted; this instance's start-up step runs, finds
 * nothing, and its insert of the same key waits on that row; only then does the other commit, and the start-up's
 * insert fails on the key. On H2, whose sessions table shows the waiting insert.
 */
public final class StartUpRace {

    private StartUpRace() {
    }

    /**
     * @param otherInstance writes and flushes the other instance's row, inside its transaction
     * @param insertInto    the table the start-up step inserts into
     * @param startUp       the start-up step; its failure is this method's
     */
    public static void run(EntityManager entityManager, Runnable otherInstance, String insertInto, Runnable startUp)
            throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch startUpWaits = new CountDownLatch(1);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            otherInstance.run();
            written.countDown();
            await(startUpWaits);
        }));
        await(written);
        CompletableFuture<Void> start = CompletableFuture.runAsync(startUp);
        Await.until("the start-up's insert into " + insertInto + " waiting on the other instance's row", Duration.ofSeconds(30),
                () -> QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from information_schema.sessions where session_state in ('RUNNING', 'BLOCKED')"
                                + " and lower(executing_statement) like 'insert into " + insertInto + " %'")
                        .getSingleResult()).intValue() > 0));
        startUpWaits.countDown();
        other.get(30, TimeUnit.SECONDS);
        start.get(60, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("waited 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
