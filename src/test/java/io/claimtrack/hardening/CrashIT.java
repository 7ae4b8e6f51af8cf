package io.claimtrack.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.claimtrack.testing.Await;
import io.claimtrack.testing.PackagedApp;
import io.claimtrack.testing.PostgresDatabase;

/**
 * Durability, the hard way: start the packaged application, post claims from several clients, kill -9
 * it mid-run, restart it on the same database, and check that every acknowledged (201) claim is there
 * and that every stored status equals a fresh evaluation. On H2 and on PostgreSQL (each its own build).
 * Runs in `./mvnw verify`, after packaging.
 */
class CrashIT {

    private static final String WRITER = "crash:durable-writer-password";
    private static final int CLIENTS = 4;
    private static final int KILL_AFTER = 60;

    @Test
    void shouldKeepEveryAcknowledgedClaimThroughKillMinus9OnH2() throws Exception {
        crash(PackagedApp.Store.h2());
    }

    @Test
    void shouldKeepEveryAcknowledgedClaimThroughKillMinus9OnPostgres() throws Exception {
        assumeTrue(PostgresDatabase.answers(), "PostgreSQL does not answer: the crash test on PostgreSQL is skipped");
        String database = PostgresDatabase.create();
        try {
            crash(PackagedApp.Store.postgres(PostgresDatabase.url(database)));
        } finally {
            PostgresDatabase.drop(database);
        }
    }

    private void crash(PackagedApp.Store store) throws Exception {
        Path data = Files.createTempDirectory("claimtrack-crash");
        WritersUnderLoad writers;
        int port;
        try (PackagedApp app = PackagedApp.start(store, data, Map.of())) {
            port = app.port;
            app.created("/api/users", PackagedApp.admin(), Map.of("username", "crash",
                    "password", "durable-writer-password", "roles", List.of("SUBMITTER")), 201);
            List<String> claimants = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) { // claims name registered actors only
                claimants.add(app.created("/api/actors", WRITER, Map.of("name", "Client " + c, "kind", "MEDIA"), 201)
                        .get("name").asText());
            }
            writers = new WritersUnderLoad(List.of(app), WRITER, claimants);
            // Kill while the writers are in full flow: once enough claims are in, whatever the machine's speed.
            Await.until(KILL_AFTER + " acknowledged claims", Duration.ofSeconds(90), () -> writers.size() >= KILL_AFTER);
            app.kill(); // SIGKILL: no shutdown hook, no flush
            writers.stop();
        }

        try (PackagedApp restarted = PackagedApp.start(store, data, port, Map.of())) {
            int present = writers.presentOn(restarted);
            int[] checked = StoredStatuses.checkAgainstFreshEvaluation(restarted);
            System.out.printf("Crash test on %s: %d claims acknowledged before kill -9, %d present after restart;"
                    + " %d statuses checked against a fresh evaluation, %d mismatched%n",
                    store.name(), writers.size(), present, checked[0], checked[1]);
            assertTrue(writers.size() > 10, "the clients got claims in before the kill: " + writers.size());
            assertEquals(writers.size(), present, "every acknowledged claim survives");
            assertEquals(0, checked[1], "every stored status equals a fresh evaluation");
        }
    }
}
