package io.claimtrack.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.claimtrack.facts.Claim;
import io.claimtrack.rules.Assessment;
import io.claimtrack.rules.BoundedRun;
import io.claimtrack.rules.CompiledRuleset;
import io.claimtrack.rules.FactSet;
import io.claimtrack.rules.PolicyEvaluator;

/**
 * B1, bulk evaluation: every claim of the synthetic archive under rules/ in Drools, thread by thread as
 * claimtrack evaluates them (one pooled session per thread), against {@link HandWrittenPolicy}. Both
 * must give every claim the same status and flags; the count of those that differ is printed.
 */
final class PolicyBenchmark {

    private PolicyBenchmark() {
    }

    /** @return Drools' time in ms for each size */
    static long[] run(Report report, CompiledRuleset ruleset, int... sizes) {
        long[] droolsMillis = new long[sizes.length];
        report.line("B1 bulk evaluation: Drools (rules/, a session per thread) vs a hand-written evaluator of the same policy");
        // Warm both up (JIT, Drools' constraint compilation) on a mid-sized archive first.
        SyntheticArchive warmUp = SyntheticArchive.generate(50_000);
        for (int i = 0; i < 3; i++) {
            drools(ruleset, warmUp);
            HandWrittenPolicy.evaluate(warmUp.threads.values(), warmUp.now);
        }
        double ratio = 0;
        for (int s = 0; s < sizes.length; s++) {
            int size = sizes[s];
            SyntheticArchive archive = SyntheticArchive.generate(size);
            int passes = size > 200_000 ? 1 : 3; // best of 3, but one pass of 1M is already long and steady
            long droolsNanos = Long.MAX_VALUE;
            long javaNanos = Long.MAX_VALUE;
            Map<Long, Assessment> drools = null;
            Map<Long, HandWrittenPolicy.Expected> baseline = null;
            for (int pass = 0; pass < passes; pass++) {
                long t0 = System.nanoTime();
                drools = drools(ruleset, archive);
                droolsNanos = Math.min(droolsNanos, System.nanoTime() - t0);
                t0 = System.nanoTime();
                baseline = HandWrittenPolicy.evaluate(archive.threads.values(), archive.now);
                javaNanos = Math.min(javaNanos, System.nanoTime() - t0);
            }
            int differ = 0;
            for (Claim claim : archive.claims) {
                Assessment a = drools.get(claim.getId());
                HandWrittenPolicy.Expected e = baseline.get(claim.getId());
                if (a.status() != e.status() || !a.flags().keySet().equals(e.flags())) {
                    differ++;
                }
            }
            ratio = (double) droolsNanos / Math.max(1, javaNanos);
            droolsMillis[s] = droolsNanos / 1_000_000;
            report.line("  %,9d claims in %,7d threads: Drools %,8d ms (%.1f us/claim), hand-written %,6d ms, ratio %.1fx;"
                            + " %d of %d outcomes differ", size, archive.threads.size(), droolsNanos / 1_000_000,
                    droolsNanos / 1000.0 / size, javaNanos / 1_000_000, ratio, differ, size);
            if (differ > 0) {
                report.target("B1", "Drools and hand-written agree", differ + " claims differ", false);
            }
        }
        report.target("B1", "Drools on every core <= 15x hand-written at " + String.format("%,d", sizes[sizes.length - 1]),
                String.format("%.1fx", ratio), ratio <= 15);
        return droolsMillis;
    }

    /** Every thread alone, on every core, as a bulk re-evaluation in the app does. */
    static Map<Long, Assessment> drools(CompiledRuleset ruleset, SyntheticArchive archive) {
        List<FactSet> threads = new ArrayList<>(archive.threads.size());
        for (List<Claim> thread : archive.threads.values()) {
            threads.add(new FactSet(thread, List.of(), archive.now));
        }
        return new PolicyEvaluator().evaluateAll(BoundedRun.LIVE, ruleset, threads);
    }
}
