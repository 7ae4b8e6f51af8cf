package io.claimtrack.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.claimtrack.testing.Await;
import io.claimtrack.testing.PackagedApp;
import io.claimtrack.testing.PostgresDatabase;

/**
 * Durability, the hard way: start the packaged application, post claims from several clients, kill -9
 * it mid-run, restart it on the same database, and check that every acknowledged (201) claim is there
 * and that every stored status equals a fresh evaluation. A webhook subscribed to submissions, whose receiver is
 * down until the kill, then hears of every acknowledged claim after the restart: the outbox row committed with
 * the claim. On H2 and on PostgreSQL (each its own build).
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
        Map<String, String> settings = Map.of("claimtrack.webhooks.allowed-hosts", "127.0.0.1",
                "claimtrack.webhooks.look-every", "200ms", "claimtrack.webhooks.first-retry", "200ms");
        try (Receiver receiver = new Receiver()) {
            try (PackagedApp app = PackagedApp.start(store, data, settings)) {
                port = app.port;
                app.created("/api/webhooks", PackagedApp.admin(), Map.of("url", receiver.url(), "secret",
                        "a-secret-for-the-crash-test", "events", List.of("CLAIM_SUBMITTED")), 201);
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

            receiver.up = true;
            try (PackagedApp restarted = PackagedApp.start(store, data, port, settings)) {
                int present = writers.presentOn(restarted);
                Await.until("a webhook for each of the " + writers.size() + " acknowledged claims", Duration.ofSeconds(90),
                        () -> receiver.claims().containsAll(writers.acknowledged.keySet()));
                int[] checked = StoredStatuses.checkAgainstFreshEvaluation(restarted);
                System.out.printf("Crash test on %s: %d claims acknowledged before kill -9, %d present after restart;"
                        + " %d statuses checked against a fresh evaluation, %d mismatched%n",
                        store.name(), writers.size(), present, checked[0], checked[1]);
                assertTrue(writers.size() > 10, "the clients got claims in before the kill: " + writers.size());
                assertEquals(writers.size(), present, "every acknowledged claim survives");
                assertEquals(0, checked[1], "every stored status equals a fresh evaluation");
                System.out.printf("Webhooks on %s: %d acknowledged claims told to a receiver that was down until the kill%n",
                        store.name(), writers.acknowledged.keySet().stream().filter(receiver.claims()::contains).count());
            }
        }
    }

    /** A webhook receiver: answers 503 (down) until {@code up}, then 204, noting the claims it was told of. */
    private static final class Receiver implements AutoCloseable {
        private final HttpServer server;
        private final Set<Long> claims = ConcurrentHashMap.newKeySet();
        volatile boolean up;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (up) {
                    Matcher claim = CLAIM_ID.matcher(body);
                    if (claim.find()) {
                        claims.add(Long.parseLong(claim.group(1)));
                    }
                }
                exchange.sendResponseHeaders(up ? 204 : 503, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        Set<Long> claims() {
            return claims;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static final Pattern CLAIM_ID = Pattern.compile("\"claimId\":(\\d+)");
}
