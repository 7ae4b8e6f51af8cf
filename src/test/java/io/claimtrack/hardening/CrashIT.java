package io.claimtrack.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimtrack.testing.Await;

/**
 * Durability, the hard way: start the packaged application, post claims from several clients, kill -9
 * it mid-run, restart it on the same database, and check that every acknowledged (201) claim is there
 * and that every stored status equals a fresh evaluation. Runs in `./mvnw verify`, after packaging.
 */
class CrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "admin:crash-admin-password";
    private static final String WRITER = "crash:durable-writer-password";
    private static final int CLIENTS = 4;
    private static final int KILL_AFTER = 60;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldKeepEveryAcknowledgedClaimThroughKillMinus9() throws Exception {
        Path data = Files.createTempDirectory("claimtrack-crash");
        int port = freePort();
        Process app = start(data, port);
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        try {
            HttpResponse<String> writer = post(port, "/api/users", ADMIN, Map.of("username", "crash",
                    "password", "durable-writer-password", "roles", List.of("SUBMITTER")));
            assertEquals(201, writer.statusCode(), "the writer is created: " + writer.body());
            for (int c = 0; c < CLIENTS; c++) { // claims name registered actors only
                HttpResponse<String> actor = post(port, "/api/actors", WRITER, Map.of("name", "Client " + c, "kind", "MEDIA"));
                assertEquals(201, actor.statusCode(), "client " + c + " is registered: " + actor.body());
            }
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Thread thread = new Thread(() -> submitUntilDown(port, client, running, acknowledged));
                thread.start();
                clients.add(thread);
            }
            // Kill while the writers are in full flow: once enough claims are in, whatever the machine's speed.
            Await.until(KILL_AFTER + " acknowledged claims", Duration.ofSeconds(90), () -> acknowledged.size() >= KILL_AFTER);
            app.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no flush
            running.set(false);
            for (Thread thread : clients) {
                thread.join(10_000);
            }
        } finally {
            app.destroyForcibly().waitFor();
        }

        Process restarted = start(data, port);
        try {
            int present = 0;
            for (Map.Entry<Long, String> claim : acknowledged.entrySet()) {
                HttpResponse<String> response = get(port, "/api/claims/" + claim.getKey());
                if (response.statusCode() == 200 && JSON.readTree(response.body()).get("text").asText().equals(claim.getValue())) {
                    present++;
                }
            }
            int checked = 0;
            int mismatched = 0;
            String now = Instant.now().toString();
            JsonNode page = JSON.readTree(get(port, "/api/claims?size=100").body());
            int total = page.get("total").asInt();
            for (int p = 0; p * 100 < total; p++) {
                for (JsonNode item : JSON.readTree(get(port, "/api/claims?size=100&page=" + p).body()).get("items")) {
                    JsonNode fresh = JSON.readTree(get(port, "/api/claims/" + item.get("id").asLong() + "?asOf=" + now).body());
                    checked++;
                    if (!fresh.get("status").equals(item.get("status")) || !fresh.get("flags").equals(item.get("flags"))) {
                        mismatched++;
                    }
                }
            }
            System.out.printf("Crash test: %d claims acknowledged before kill -9, %d present after restart;"
                    + " %d statuses checked against a fresh evaluation, %d mismatched%n",
                    acknowledged.size(), present, checked, mismatched);
            assertTrue(acknowledged.size() > 10, "the clients got claims in before the kill: " + acknowledged.size());
            assertEquals(acknowledged.size(), present, "every acknowledged claim survives");
            assertEquals(0, mismatched, "every stored status equals a fresh evaluation");
        } finally {
            restarted.destroyForcibly().waitFor();
        }
    }

    private void submitUntilDown(int port, int client, AtomicBoolean running, Map<Long, String> acknowledged) {
        List<Long> mine = new ArrayList<>();
        int n = 0;
        while (running.get()) {
            String text = "client " + client + " claim " + n++;
            Map<String, Object> claim = new java.util.HashMap<>(Map.of("text", text, "claimant", "Client " + client,
                    "assertedAt", Instant.now().minusSeconds(60).toString()));
            if (!mine.isEmpty() && ThreadLocalRandom.current().nextBoolean()) {
                claim.put("disputes", mine.get(ThreadLocalRandom.current().nextInt(mine.size())));
                claim.put("claimant", "Client " + ((client + 1) % CLIENTS));
            }
            try {
                HttpResponse<String> response = post(port, "/api/claims", WRITER, claim);
                if (response.statusCode() == 201) {
                    long id = JSON.readTree(response.body()).get("id").asLong();
                    acknowledged.put(id, text);
                    mine.add(id);
                }
            } catch (IOException | InterruptedException down) {
                return; // the server is gone: whatever was not acknowledged may be lost
            }
        }
    }

    private Process start(Path data, int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Dclaimtrack.data-dir=" + data, "-Dquarkus.http.port=" + port,
                "-Dclaimtrack.admin.password=crash-admin-password", "-Dclaimtrack.demo-data.enabled=false",
                "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(data.resolve("app-" + System.nanoTime() + ".log").toFile())
                .start();
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (get(port, "/q/health/ready").statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // starting
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the application did not start; see " + data);
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the application was not ready within 90 s; see " + data);
    }

    private HttpResponse<String> post(int port, String path, String credentials, Object body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
