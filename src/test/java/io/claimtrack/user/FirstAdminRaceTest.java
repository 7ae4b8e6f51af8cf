package io.claimtrack.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.claimtrack.testing.Await;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Two instances start at once on an empty database: both find no user, both create the first admin, one
 * insert fails on the unique name. The one that lost carries on with the other's admin instead of failing
 * to start. Here the other instance is a transaction of the test's own, holding its admin uncommitted
 * while this instance's start-up looks.
 */
@QuarkusTest
@TestProfile(FirstAdminRaceTest.EmptyDatabase.class)
class FirstAdminRaceTest {

    /** A database of its own, so that its users can be removed. */
    public static class EmptyDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:first-admin-race;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000");
        }
    }

    @Inject
    FirstAdmin firstAdmin;

    @Test
    void shouldCarryOnWithTheFirstAdminAnotherInstanceCreatedAtTheSameTime() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> UserEntity.deleteAll());
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch lookedAndBlocked = new CountDownLatch(1);
        CompletableFuture<Void> otherInstance = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            UserEntity.create("admin", "the other instance's password", Set.of(Roles.ADMIN), Instant.now(), "first start")
                    .persist();
            UserEntity.flush();
            inserted.countDown();
            await(lookedAndBlocked); // commits only once this instance's start-up has looked and tried its own insert
        }));
        await(inserted);
        CompletableFuture<Void> start = CompletableFuture.runAsync(() -> firstAdmin.onStart(null));
        // This instance found no user and its insert now waits on the other's uncommitted row (H2 shows the waiting
        // session RUNNING or BLOCKED on that insert): then the other commits.
        Await.until("the start-up's insert waiting on the other instance's admin", Duration.ofSeconds(30),
                () -> QuarkusTransaction.requiringNew().call(() -> ((Number) UserEntity.getEntityManager().createNativeQuery(
                        "select count(*) from information_schema.sessions where session_state in ('RUNNING', 'BLOCKED')"
                                + " and lower(executing_statement) like 'insert into app_user%'").getSingleResult()).intValue() > 0));
        lookedAndBlocked.countDown();
        otherInstance.get(30, TimeUnit.SECONDS);
        start.get(30, TimeUnit.SECONDS); // would throw: the unique name, or a count Panache could not run

        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> UserEntity.count()), "one admin, the other's");
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
