package io.claimtrack.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.claimtrack.facts.Claim;
import io.claimtrack.rules.Assessment;
import io.claimtrack.rules.BoundedRun;
import io.claimtrack.rules.CompiledRuleset;
import io.claimtrack.rules.FactSet;
import io.claimtrack.rules.PolicyEvaluator;
import io.claimtrack.rules.ThreadSession;

/**
 * B2, incremental: one dispute added to a claim of the loaded archive, and the latency until its thread
 * is re-evaluated. Engine only (the thread's facts in memory, as ThreadEvaluation hands them to the rules)
 * against the hand-written evaluator; and end to end, POST /api/claims on the running app, which answers
 * once the thread is re-evaluated and recorded.
 */
final class IncrementalBenchmark {

    private IncrementalBenchmark() {
    }

    static void engine(Report report, CompiledRuleset ruleset, SyntheticArchive archive, int repetitions) {
        Map<Long, List<Claim>> threadOf = new HashMap<>();
        archive.threads.values().forEach(thread -> thread.forEach(c -> threadOf.put(c.getId(), thread)));
        PolicyEvaluator evaluator = new PolicyEvaluator();
        Random random = new Random(7);
        long nextId = archive.claims.size() + 1;
        Instant now = archive.now.plusSeconds(60);
        long[] drools = new long[repetitions];
        long[] java = new long[repetitions];
        for (int i = -repetitions / 10; i < repetitions; i++) { // the first tenth warms up, unmeasured
            Claim target = archive.claims.get(random.nextInt(archive.claims.size()));
            List<Claim> facts = new ArrayList<>(threadOf.get(target.getId()));
            facts.add(new Claim(nextId++, archive.actors.get(random.nextInt(archive.actors.size())), null, now,
                    target.getId(), null, null));
            long t0 = System.nanoTime();
            evaluator.evaluate(ruleset, new FactSet(facts, List.of(), now));
            long t1 = System.nanoTime();
            HandWrittenPolicy.evaluate(List.of(facts), now);
            long t2 = System.nanoTime();
            if (i >= 0) {
                drools[i] = t1 - t0;
                java[i] = t2 - t1;
            }
        }
        Report.Latencies d = Report.Latencies.of(drools);
        Report.Latencies j = Report.Latencies.of(java);
        report.line("  engine, one dispute on a random claim of %,d, %,d times: Drools %s; hand-written %s; p99 ratio %.1fx",
                archive.claims.size(), repetitions, d, j, d.p99() / Math.max(0.001, j.p99()));
        report.target("B2", "engine p99 <= 5 ms afresh, random claims", String.format("%.2f ms", d.p99()), d.p99() <= 5);
        warm(report, ruleset, archive, threadOf, repetitions);
    }

    /**
     * The same disputes into warm threads (as WarmThreads keeps them in the app): a few hundred threads
     * picked at random (so mostly long ones, where most claims are) are made warm, unmeasured; then each
     * dispute is inserted into its thread's session and fired, measured. Every 50th step is checked
     * against evaluating the thread afresh.
     */
    private static void warm(Report report, CompiledRuleset ruleset, SyntheticArchive archive,
                             Map<Long, List<Claim>> threadOf, int repetitions) {
        PolicyEvaluator evaluator = new PolicyEvaluator();
        Random random = new Random(13);
        Instant now = archive.now.plusSeconds(60);
        Map<List<Claim>, ThreadSession> sessions = new IdentityHashMap<>();
        Map<List<Claim>, List<Claim>> grown = new IdentityHashMap<>();
        Map<List<Claim>, Map<Long, Assessment>> known = new IdentityHashMap<>();
        List<List<Claim>> picked = new ArrayList<>();
        while (picked.size() < 300) {
            List<Claim> thread = threadOf.get(archive.claims.get(random.nextInt(archive.claims.size())).getId());
            if (!sessions.containsKey(thread)) {
                var warmed = evaluator.warm(BoundedRun.LIVE, ruleset, new FactSet(thread, List.of(), now));
                sessions.put(thread, warmed.session());
                grown.put(thread, new ArrayList<>(thread));
                known.put(thread, new HashMap<>(warmed.assessments()));
                picked.add(thread);
            }
        }
        long nextId = archive.claims.size() + 1_000_000L;
        long[] nanos = new long[repetitions];
        int checked = 0;
        int mismatches = 0;
        try {
            for (int i = -repetitions / 10; i < repetitions; i++) {
                List<Claim> thread = picked.get(random.nextInt(picked.size()));
                List<Claim> claims = grown.get(thread);
                Claim target = claims.get(random.nextInt(claims.size()));
                Claim dispute = new Claim(nextId++, archive.actors.get(random.nextInt(archive.actors.size())), null, now,
                        target.getId(), null, null);
                claims.add(dispute);
                long t0 = System.nanoTime();
                Map<Long, Assessment> moved = evaluator.advance(BoundedRun.LIVE, sessions.get(thread), List.of(dispute), now);
                long t1 = System.nanoTime();
                known.get(thread).putAll(moved);
                if (i >= 0) {
                    nanos[i] = t1 - t0;
                }
                if (i % 50 == 0) {
                    checked++;
                    if (!evaluator.evaluate(BoundedRun.LIVE, ruleset, new FactSet(claims, List.of(), now))
                            .equals(known.get(thread))) {
                        mismatches++;
                    }
                }
            }
        } finally {
            sessions.values().forEach(ThreadSession::close);
        }
        Report.Latencies w = Report.Latencies.of(nanos);
        report.line("  engine, one dispute into a warm thread (%d threads kept warm), %,d times: Drools %s;"
                + " %d of %d checks against a fresh evaluation differ", picked.size(), repetitions, w, mismatches, checked);
        report.target("B2", "engine p99 <= 2 ms in a warm thread", String.format("%.2f ms", w.p99()), w.p99() <= 2);
        if (mismatches > 0) {
            report.target("B2", "warm threads agree with fresh evaluation", mismatches + " differ", false);
        }
    }

    /** @return the latencies; {@code targets}: reported against B2's target (at the target size, on H2) */
    static Report.Latencies rest(Report report, RunningApp app, long claims, int repetitions, boolean targets)
            throws IOException, InterruptedException {
        Random random = new Random(11);
        long[] latencies = new long[repetitions];
        for (int i = -Math.min(500, repetitions / 10); i < repetitions; i++) {
            long target = 1 + (long) (random.nextDouble() * claims);
            String body = "{\"text\":\"Benchmark dispute " + i + "\",\"claimant\":\"actor " + random.nextInt(300)
                    + "\",\"assertedAt\":\"" + Instant.now() + "\",\"disputes\":" + target + "}";
            long t0 = System.nanoTime();
            var response = app.postJson("/api/claims", body);
            long nanos = System.nanoTime() - t0;
            if (response.statusCode() != 201) {
                throw new IllegalStateException("dispute refused: " + response.statusCode() + " " + response.body());
            }
            if (i >= 0) {
                latencies[i] = nanos;
            }
        }
        Report.Latencies l = Report.Latencies.of(latencies);
        report.line("  REST, POST /api/claims disputing a random claim of %,d, %,d times in a row: %s", claims,
                repetitions, l);
        if (targets) {
            report.target("B2", "REST p99 <= 20 ms", String.format("%.2f ms", l.p99()), l.p99() <= 20);
        }
        return l;
    }
}
