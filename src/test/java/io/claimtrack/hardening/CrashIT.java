package io.claimtrack.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

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
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        int port;
        try (PackagedApp app = PackagedApp.start(store, data, Map.of())) {
            port = app.port;
            app.created("/api/users", PackagedApp.admin(), Map.of("username", "crash",
                    "password", "durable-writer-password", "roles", List.of("SUBMITTER")), 201);
            for (int c = 0; c < CLIENTS; c++) { // claims name registered actors only
                app.created("/api/actors", WRITER, Map.of("name", "Client " + c, "kind", "MEDIA"), 201);
            }
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Thread thread = new Thread(() -> submitUntilDown(app, client, running, acknowledged));
                thread.start();
                clients.add(thread);
            }
            // Kill while the writers are in full flow: once enough claims are in, whatever the machine's speed.
            Await.until(KILL_AFTER + " acknowledged claims", Duration.ofSeconds(90), () -> acknowledged.size() >= KILL_AFTER);
            app.kill(); // SIGKILL: no shutdown hook, no flush
            running.set(false);
            for (Thread thread : clients) {
                thread.join(10_000);
            }
        }

        try (PackagedApp restarted = PackagedApp.start(store, data, port, Map.of())) {
            int present = 0;
            for (Map.Entry<Long, String> claim : acknowledged.entrySet()) {
                HttpResponse<String> response = restarted.get("/api/claims/" + claim.getKey(), null);
                if (response.statusCode() == 200 && PackagedApp.parse(response.body()).get("text").asText().equals(claim.getValue())) {
                    present++;
                }
            }
            int[] checked = StoredStatuses.checkAgainstFreshEvaluation(restarted);
            System.out.printf("Crash test on %s: %d claims acknowledged before kill -9, %d present after restart;"
                    + " %d statuses checked against a fresh evaluation, %d mismatched%n",
                    store.name(), acknowledged.size(), present, checked[0], checked[1]);
            assertTrue(acknowledged.size() > 10, "the clients got claims in before the kill: " + acknowledged.size());
            assertEquals(acknowledged.size(), present, "every acknowledged claim survives");
            assertEquals(0, checked[1], "every stored status equals a fresh evaluation");
        }
    }

    private void submitUntilDown(PackagedApp app, int client, AtomicBoolean running, Map<Long, String> acknowledged) {
        List<Long> mine = new ArrayList<>();
        int n = 0;
        while (running.get()) {
            String text = "client " + client + " claim " + n++;
            Map<String, Object> claim = new HashMap<>(Map.of("text", text, "claimant", "Client " + client,
                    "assertedAt", Instant.now().minusSeconds(60).toString()));
            if (!mine.isEmpty() && ThreadLocalRandom.current().nextBoolean()) {
                claim.put("disputes", mine.get(ThreadLocalRandom.current().nextInt(mine.size())));
                claim.put("claimant", "Client " + ((client + 1) % CLIENTS));
            }
            try {
                HttpResponse<String> response = app.post("/api/claims", WRITER, claim);
                if (response.statusCode() == 201) {
                    long id = PackagedApp.parse(response.body()).get("id").asLong();
                    acknowledged.put(id, text);
                    mine.add(id);
                }
            } catch (IOException | InterruptedException down) {
                return; // the server is gone: whatever was not acknowledged may be lost
            }
        }
    }
}
