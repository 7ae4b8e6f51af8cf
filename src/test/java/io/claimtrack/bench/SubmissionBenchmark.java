package io.claimtrack.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * B3, REST submission on the running app: POST /api/claims (stored, thread re-evaluated, recorded)
 * against POST /api/actors (stored, no rules). Saturation: as many requests as 8 clients in a loop
 * complete; then a fixed rate, half the claims' saturation, for both, with latency measured from the
 * moment each request was due (so a stall is not hidden by requests not sent).
 */
final class SubmissionBenchmark {

    private static final int CLIENTS = 8;
    private static final Duration RUN = Duration.ofSeconds(20);

    private SubmissionBenchmark() {
    }

    private static final AtomicLong UNIQUE = new AtomicLong(System.nanoTime());

    /** A dispute of a random claim of the archive's first {@code claims}. */
    private static IntFunction<String> dispute(long claims) {
        return i -> "{\"text\":\"Benchmark claim " + UNIQUE.incrementAndGet() + "\",\"claimant\":\"actor "
                + ThreadLocalRandom.current().nextInt(300) + "\",\"assertedAt\":\"" + Instant.now() + "\",\"disputes\":"
                + (1 + ThreadLocalRandom.current().nextLong(claims)) + "}";
    }

    /** @return the claims' saturation throughput, per second; {@code targets}: reported against B3's target */
    static double run(Report report, RunningApp app, long claims, boolean targets) throws Exception {
        IntFunction<String> claim = dispute(claims);
        IntFunction<String> actor = i -> "{\"name\":\"Benchmark actor " + UNIQUE.incrementAndGet()
                + "\",\"kind\":\"MEDIA\",\"blocs\":[\"bloc " + ThreadLocalRandom.current().nextInt(20) + "\"]}";
        saturate(app, "/api/actors", actor, Duration.ofSeconds(5)); // warm-up
        saturate(app, "/api/claims", claim, Duration.ofSeconds(5));
        double actorsPerSecond = saturate(app, "/api/actors", actor, RUN);
        double claimsPerSecond = saturate(app, "/api/claims", claim, RUN);
        double ratio = claimsPerSecond / actorsPerSecond;
        report.line("  saturation (%d clients, %d s each): claims %,.0f/s, actors (persist only) %,.0f/s, ratio %.0f%%",
                CLIENTS, RUN.toSeconds(), claimsPerSecond, actorsPerSecond, ratio * 100);
        if (targets) {
            report.target("B3", "claims >= 50% of persist-only throughput", String.format("%.0f%%", ratio * 100), ratio >= 0.5);
        }
        double rate = Math.max(1, Math.floor(claimsPerSecond / 2));
        Report.Latencies claimLatency = fixedRate(app, "/api/claims", claim, rate);
        Report.Latencies actorLatency = fixedRate(app, "/api/actors", actor, rate);
        report.line("  fixed rate %.0f/s for %d s: claims %s; actors %s", rate, RUN.toSeconds(), claimLatency, actorLatency);
        return claimsPerSecond;
    }

    /**
     * Claims' saturation throughput with the same clients spread over several instances of one database.
     * @return per second
     */
    static double spread(List<RunningApp> apps, long claims) throws Exception {
        // A fresh instance compiles the active ruleset at its first evaluation and its JIT is cold: it takes about a
        // minute of load here to reach its speed (18/s in its first 15 s, 43/s after a minute, with the first at 52/s).
        for (RunningApp app : apps) {
            saturate(app, "/api/claims", dispute(claims), Duration.ofSeconds(45));
        }
        return saturate(apps, "/api/claims", dispute(claims), RUN);
    }

    private static double saturate(RunningApp app, String path, IntFunction<String> body, Duration duration) throws Exception {
        return saturate(List.of(app), path, body, duration);
    }

    /** Client c sends to {@code apps[c % apps.size()]}. */
    private static double saturate(List<RunningApp> apps, String path, IntFunction<String> body, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong done = new AtomicLong();
        List<Thread> clients = new ArrayList<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            RunningApp app = apps.get(c % apps.size());
            Thread client = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        HttpResponse<String> response = app.postJson(path, body.apply(0));
                        if (response.statusCode() != 201) {
                            failures.add(response.statusCode() + " " + response.body());
                            return;
                        }
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            });
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(path + " failed: " + failures.peek());
        }
        return done.get() / ((System.nanoTime() - t0) / 1e9);
    }

    private static Report.Latencies fixedRate(RunningApp app, String path, IntFunction<String> body, double perSecond)
            throws Exception {
        int count = (int) (perSecond * RUN.toSeconds());
        long interval = (long) (1e9 / perSecond);
        long[] latencies = new long[count];
        List<CompletableFuture<?>> pending = new ArrayList<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime() + 50_000_000;
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            long due = start + n * interval;
            CompletableFuture<Void> sent = new CompletableFuture<>();
            timer.schedule(() -> {
                HttpRequest request = app.request(path).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.apply(n))).build();
                app.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                    latencies[n] = System.nanoTime() - due;
                    if (error != null || response.statusCode() != 201) {
                        failures.add(error != null ? error.toString() : response.statusCode() + " " + response.body());
                    }
                    sent.complete(null);
                });
            }, Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
            pending.add(sent);
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        timer.shutdown();
        if (!failures.isEmpty()) {
            throw new IllegalStateException(path + " failed: " + failures.peek());
        }
        return Report.Latencies.of(latencies);
    }
}
