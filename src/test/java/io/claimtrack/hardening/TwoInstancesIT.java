package io.claimtrack.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.claimtrack.testing.Await;
import io.claimtrack.testing.PackagedApp;
import io.claimtrack.testing.PostgresDatabase;

/**
 * Two packaged instances on one PostgreSQL database, as a desk runs them behind a load balancer: requests
 * spread over both give the answers one instance would; a ruleset activated on one is in force on the other;
 * a change made on one shows on the other's live page; a sign-in on one is known to the other; an import
 * whose instance is killed is finished by the other with every line once; and killing an instance under load
 * loses no acknowledged claim. The tests run in order: the later ones kill instances.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final String DESK = "desk:two-instances-desk-password";
    private static final int IMPORT_LINES = 6000;

    private static String database;
    private static PackagedApp.Store store;
    private static PackagedApp a;
    private static PackagedApp b;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    /** Both instances alike, as a deployment would have them; a job's lease short enough for a test to wait out. */
    private static final Map<String, String> SETTINGS = Map.of(
            "claimtrack.demo-data.enabled", "true",
            "claimtrack.rate-limit.writes-per-minute", "1000000000",
            "claimtrack.imports.chunk-lines", "50",
            "claimtrack.imports.lease", "4s",
            "claimtrack.imports.look-every", "1s");

    @BeforeAll
    static void startTwoInstances() throws Exception {
        assumeTrue(PostgresDatabase.answers(), "PostgreSQL does not answer: the two-instance test is skipped");
        database = PostgresDatabase.create();
        store = PackagedApp.Store.postgres(PostgresDatabase.url(database));
        // Started at once on the empty database: one creates the first admin and loads the demo data, not both.
        CompletableFuture<PackagedApp> first = CompletableFuture.supplyAsync(() -> start("claimtrack-a"));
        b = start("claimtrack-b");
        a = first.join();
        a.created("/api/users", PackagedApp.admin(), Map.of("username", "desk", "password", "two-instances-desk-password",
                "roles", List.of("SUBMITTER", "ANALYST")), 201);
    }

    private static PackagedApp start(String name) {
        try {
            return PackagedApp.start(store, Files.createTempDirectory(name), SETTINGS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopThem() throws Exception {
        for (PackagedApp app : new PackagedApp[] {a, b}) {
            if (app != null) {
                app.close();
            }
        }
        if (database != null) {
            PostgresDatabase.drop(database);
        }
    }

    @Test
    @Order(1)
    void shouldLoadTheDemoDataOnceThoughBothInstancesStartedOnAnEmptyDatabase() throws Exception {
        assertEquals(5, a.json("/api/stats", null).get("total").asInt());
        assertEquals(5, b.json("/api/stats", null).get("total").asInt());
    }

    @Test
    @Order(2)
    void shouldApplyDisputesSpreadOverBothInstancesAsIfOneAfterTheOther() throws Exception {
        List<String> claimants = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            String kind = List.of("STATE", "NGO", "MEDIA").get(k % 3);
            claimants.add(a.created("/api/actors", DESK, Map.of("name", "Disputer " + RUN + " " + k, "kind", kind,
                    "blocs", List.of("bloc " + k % 4)), 201).get("name").asText());
        }
        a.created("/api/actors", DESK, Map.of("name", "Origin " + RUN, "kind", "STATE", "blocs", List.of("bloc 0")), 201);
        Instant base = Instant.now().minus(Duration.ofHours(3));

        List<Long> parallel = thread(base, claimants, true);
        List<Long> sequential = thread(base, claimants, false);

        int differ = 0;
        for (int i = 0; i < parallel.size(); i++) {
            JsonNode p = a.json("/api/claims/" + parallel.get(i), null);
            JsonNode s = a.json("/api/claims/" + sequential.get(i), null);
            if (!p.get("status").equals(s.get("status")) || !p.get("flags").equals(s.get("flags"))) {
                differ++;
            }
            assertHistoryIsAChain(parallel.get(i));
        }
        int[] checked = StoredStatuses.checkAgainstFreshEvaluation(b, parallel);
        System.out.printf("Two instances: %d claims of a thread disputed in parallel through both; %d differ from the"
                + " same claims submitted one after the other; %d statuses checked against a fresh evaluation, %d mismatched%n",
                parallel.size(), differ, checked[0], checked[1]);
        assertEquals(0, differ, "parallel submissions end as sequential ones");
        assertEquals(0, checked[1], "every stored status equals a fresh evaluation");
    }

    /**
     * A thread: a root claim, four disputes of it, then 100 disputes of those five. {@code spread}: the 100 are
     * sent by 8 clients at once, alternately to each instance; else one after the other to one instance.
     * @return the ids of every claim of the thread, in the order they were defined
     */
    private List<Long> thread(Instant base, List<String> claimants, boolean spread) throws Exception {
        List<Long> ids = new ArrayList<>();
        ids.add(submit(a, Map.of("text", "root " + spread, "claimant", "Origin " + RUN, "assertedAt", base.toString())));
        for (int k = 0; k < 4; k++) {
            ids.add(submit(a, dispute(ids.get(0), claimants.get(k), base.plusSeconds(1 + k), "first " + k + " " + spread)));
        }
        List<Long> targets = List.copyOf(ids);
        List<Map<String, Object>> disputes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            disputes.add(dispute(targets.get(i % 5), claimants.get(i % 10), base.plusSeconds(10 + i), "dispute " + i + " " + spread));
        }
        if (!spread) {
            for (Map<String, Object> dispute : disputes) {
                ids.add(submit(a, dispute));
            }
            return ids;
        }
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> sent = new ArrayList<>();
            for (int i = 0; i < disputes.size(); i++) {
                PackagedApp to = i % 2 == 0 ? a : b;
                Map<String, Object> dispute = disputes.get(i);
                sent.add(clients.submit(() -> submit(to, dispute)));
            }
            for (Future<Long> id : sent) {
                ids.add(id.get());
            }
        } finally {
            clients.shutdown();
        }
        return ids;
    }

    private static Map<String, Object> dispute(long target, String claimant, Instant at, String text) {
        return Map.of("text", text + " " + RUN, "claimant", claimant, "assertedAt", at.toString(), "disputes", target);
    }

    private static long submit(PackagedApp to, Map<String, Object> claim) throws IOException, InterruptedException {
        return to.created("/api/claims", DESK, claim, 201).get("id").asLong();
    }

    /** Each recorded change starts from the status the previous one left: no evaluation missed another's write. */
    private void assertHistoryIsAChain(long claim) throws IOException, InterruptedException {
        String before = null;
        for (JsonNode change : b.json("/api/claims/" + claim + "/history", null)) {
            String previous = change.get("previousStatus").isNull() ? null : change.get("previousStatus").asText();
            assertEquals(before, previous, "claim " + claim + "'s history: " + change);
            before = change.get("status").asText();
        }
        assertEquals(before, b.json("/api/claims/" + claim, null).get("status").asText(), "claim " + claim + " ends as its history");
    }

    @Test
    @Order(3)
    void shouldEvaluateOnOneInstanceUnderTheRulesetActivatedOnTheOther() throws Exception {
        int active = a.json("/api/rulesets/active", null).get("version").asInt();
        JsonNode files = a.json("/api/rulesets/" + active, null).get("files");
        Map<String, String> changed = new LinkedHashMap<>();
        files.fields().forEachRemaining(file -> changed.put(file.getKey(), file.getValue().asText()));
        String first = changed.keySet().iterator().next();
        changed.put(first, changed.get(first) + "\n// activated on the other instance, run " + RUN + "\n");
        int draft = b.created("/api/rulesets", DESK, Map.of("basedOn", active, "note", "two instances", "files", changed), 201)
                .get("version").asInt();
        b.created("/api/rulesets/" + draft + "/activate", DESK, Map.of("force", false), 200);

        // A's very next evaluation is under the new version: it checks the stored active version before each.
        long claim = submit(a, Map.of("text", "after the activation " + RUN, "claimant", "Origin " + RUN,
                "assertedAt", Instant.now().minusSeconds(60).toString()));
        assertEquals(draft, a.json("/api/claims/" + claim, null).get("reason").get("rulesetVersion").asInt());
        assertEquals(draft, a.json("/api/rulesets/active", null).get("version").asInt());
    }

    @Test
    @Order(4)
    void shouldShowAChangeMadeOnOneInstanceOnTheOthersLivePage() throws Exception {
        Queue<String> received = new ConcurrentLinkedQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(java.net.URI.create(b.base() + "/events")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(response -> CompletableFuture.runAsync(() -> response.body().forEach(received::add)));
        try {
            List<Long> submitted = new ArrayList<>();
            // The page's stream is subscribed a moment after its headers: submit until one shows.
            Await.until("a claim submitted on A on B's live page", Duration.ofSeconds(60), () -> {
                try {
                    submitted.add(submit(a, Map.of("text", "live " + System.nanoTime(), "claimant", "Origin " + RUN,
                            "assertedAt", Instant.now().minusSeconds(60).toString())));
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                while (System.nanoTime() < deadline) {
                    if (received.stream().anyMatch(line -> submitted.stream().anyMatch(id -> line.contains("\"claimId\":" + id + ",")))) {
                        return true;
                    }
                    Thread.onSpinWait();
                }
                return false;
            });
        } finally {
            stream.thenAccept(response -> response.body().close());
            stream.cancel(true);
        }
    }

    @Test
    @Order(5)
    void shouldKnowOnOneInstanceASignInMadeOnTheOther() throws Exception {
        HttpResponse<String> signIn = a.send("/j_security_check", null, "application/x-www-form-urlencoded",
                "j_username=desk&j_password=two-instances-desk-password");
        assertEquals(302, signIn.statusCode(), "signed in on A");
        String cookie = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("quarkus-credential="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> form = HttpClient.newHttpClient().send(b.request("/claims/new", null).header("Cookie", cookie)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, form.statusCode(), "B shows the submit form to the user signed in on A");
        assertTrue(form.body().contains("csrf-token"), "the form, not the sign-in page");
    }

    @Test
    @Order(6)
    void shouldFinishTheImportOfAKilledInstanceWithEveryLineOnce() throws Exception {
        StringBuilder ndjson = new StringBuilder("{\"type\": \"actor\", \"name\": \"Importer " + RUN + "\", \"kind\": \"MEDIA\"}\n");
        String at = Instant.now().minus(Duration.ofHours(1)).toString();
        for (int line = 2; line <= IMPORT_LINES + 1; line++) {
            ndjson.append("{\"type\": \"claim\", \"text\": \"imported ").append(RUN).append(" line ").append(line)
                    .append("\", \"claimant\": \"Importer ").append(RUN).append("\", \"assertedAt\": \"").append(at).append("\"}\n");
        }
        HttpResponse<String> queued = a.send("/api/imports", DESK, "application/x-ndjson", ndjson.toString());
        assertEquals(202, queued.statusCode(), queued.body());
        long job = PackagedApp.parse(queued.body()).get("id").asLong();

        JsonNode running = Await.until("the import under way", Duration.ofSeconds(60), () -> importJob(a, job),
                view -> view.get("linesRead").asLong() >= 100 || "DONE".equals(view.get("state").asText()));
        assertEquals("RUNNING", running.get("state").asText(), "still running when its instance is killed: " + running);
        String runner = running.get("runningOn").asText();
        PackagedApp killed = runner.contains(":" + a.port + "/") ? a : b;
        PackagedApp other = killed == a ? b : a;
        killed.kill();

        JsonNode done = Await.until("the other instance finishing the import", Duration.ofMinutes(3), () -> importJob(other, job),
                view -> !"RUNNING".equals(view.get("state").asText()) && !"QUEUED".equals(view.get("state").asText()));
        long claims = other.json("/api/claims?size=1&q=" + "imported%20" + RUN + "%20line", null).get("total").asLong();
        System.out.printf("Two instances: import of %d lines, instance killed after line %d; the other finished it (%s):"
                + " %d stored, %d rejected, %d claims found%n", IMPORT_LINES + 1, running.get("linesRead").asLong(),
                done.get("state").asText(), done.get("stored").asLong(), done.get("rejected").asLong(), claims);
        assertEquals("DONE", done.get("state").asText(), done.toString());
        assertEquals(IMPORT_LINES + 1, done.get("linesRead").asLong());
        assertEquals(0, done.get("rejected").asLong(), done.toString());
        assertEquals(IMPORT_LINES, claims, "every claim line stored exactly once");

        PackagedApp restarted = PackagedApp.start(store, killed.dataDir, SETTINGS);
        if (killed == a) {
            a = restarted;
        } else {
            b = restarted;
        }
    }

    private static JsonNode importJob(PackagedApp app, long job) {
        try {
            return app.json("/api/imports/" + job, DESK);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(7)
    void shouldLoseNoAcknowledgedClaimWhenAnInstanceIsKilledUnderLoad() throws Exception {
        List<String> claimants = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            claimants.add("Disputer " + RUN + " " + k);
        }
        WritersUnderLoad writers = new WritersUnderLoad(List.of(a, b), DESK, claimants);
        Await.until("60 acknowledged claims", Duration.ofSeconds(90), () -> writers.size() >= 60);
        b.kill();
        Await.until("more claims acknowledged by the instance still up", Duration.ofSeconds(60), () -> writers.size() >= 80);
        writers.stop();
        int present = writers.presentOn(a);
        int[] checked = StoredStatuses.checkAgainstFreshEvaluation(a, writers.acknowledged.keySet());
        System.out.printf("Two instances: %d claims acknowledged by both, one killed under load; %d present on the other;"
                + " %d statuses checked against a fresh evaluation, %d mismatched%n",
                writers.size(), present, checked[0], checked[1]);
        assertEquals(writers.size(), present, "every acknowledged claim survives");
        assertEquals(0, checked[1], "every stored status equals a fresh evaluation");
    }
}
