package io.claimtrack.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.claimtrack.testing.StartUpRace;
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
        StartUpRace.run(UserEntity.getEntityManager(), () -> {
            UserEntity.create("admin", "the other instance's password", Set.of(Roles.ADMIN), Instant.now(), "first start")
                    .persist();
            UserEntity.flush();
        }, "app_user", () -> firstAdmin.onStart(null)); // would throw: the unique name, or a count Panache could not run

        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> UserEntity.count()), "one admin, the other's");
    }
}
