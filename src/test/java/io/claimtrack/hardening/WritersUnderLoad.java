package io.claimtrack.hardening;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import io.claimtrack.testing.PackagedApp;

/**
 * Clients posting claims to packaged instances until told to stop or until their instance goes away: each
 * posts a new claim by its own claimant, or half the time a dispute of one of its earlier claims by the next
 * client's claimant, and keeps every claim acknowledged (201) with its text.
 */
final class WritersUnderLoad {

    final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();
    private final String credentials;
    private final List<String> claimants;

    /** One client per claimant; client c posts to {@code instances[c % instances.size()]}. */
    WritersUnderLoad(List<PackagedApp> instances, String credentials, List<String> claimants) {
        this.credentials = credentials;
        this.claimants = claimants;
        for (int c = 0; c < claimants.size(); c++) {
            PackagedApp to = instances.get(c % instances.size());
            int client = c;
            Thread thread = new Thread(() -> submitUntilDown(to, client));
            thread.start();
            clients.add(thread);
        }
    }

    int size() {
        return acknowledged.size();
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join(30_000);
        }
    }

    /** How many acknowledged claims {@code app} has, with their text. */
    int presentOn(PackagedApp app) throws IOException, InterruptedException {
        int present = 0;
        for (Map.Entry<Long, String> claim : acknowledged.entrySet()) {
            HttpResponse<String> response = app.get("/api/claims/" + claim.getKey(), null);
            if (response.statusCode() == 200 && PackagedApp.parse(response.body()).get("text").asText().equals(claim.getValue())) {
                present++;
            }
        }
        return present;
    }

    private void submitUntilDown(PackagedApp to, int client) {
        List<Long> mine = new ArrayList<>();
        int n = 0;
        while (running.get()) {
            String text = claimants.get(client) + " claim " + n++;
            Map<String, Object> claim = new HashMap<>(Map.of("text", text, "claimant", claimants.get(client),
                    "assertedAt", Instant.now().minusSeconds(60).toString()));
            if (!mine.isEmpty() && ThreadLocalRandom.current().nextBoolean()) {
                claim.put("disputes", mine.get(ThreadLocalRandom.current().nextInt(mine.size())));
                claim.put("claimant", claimants.get((client + 1) % claimants.size()));
            }
            try {
                HttpResponse<String> response = to.post("/api/claims", credentials, claim);
                if (response.statusCode() == 201) {
                    long id = PackagedApp.parse(response.body()).get("id").asLong();
                    acknowledged.put(id, text);
                    mine.add(id);
                }
            } catch (IOException | InterruptedException down) {
                return; // the instance is gone: what it did not acknowledge may be lost
            }
        }
    }
}
