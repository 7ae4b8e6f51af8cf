package io.claimtrack.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What the suite prints: figures as they come, and at the end every target with met or missed. */
final class Report {

    record Target(String benchmark, String target, String measured, boolean met) {
    }

    private final List<Target> targets = new ArrayList<>();

    void line(String format, Object... args) {
        System.out.printf(format + "%n", args);
        System.out.flush();
    }

    void target(String benchmark, String target, String measured, boolean met) {
        targets.add(new Target(benchmark, target, measured, met));
        line("  -> %s: target %s, measured %s: %s", benchmark, target, measured, met ? "MET" : "MISSED");
    }

    void summary() {
        line("");
        line("Targets (%d met of %d)", targets.stream().filter(Target::met).count(), targets.size());
        for (Target t : targets) {
            line("  %-7s %-6s %-45s measured %s", t.benchmark(), t.met() ? "met" : "MISSED", t.target(), t.measured());
        }
    }

    /** p50/p99/max of latencies in nanoseconds, printed in milliseconds. */
    record Latencies(double p50, double p99, double max) {
        static Latencies of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latencies(ms(sorted[(int) (sorted.length * 0.50)]), ms(sorted[Math.min(sorted.length - 1,
                    (int) Math.ceil(sorted.length * 0.99) - 1)]), ms(sorted[sorted.length - 1]));
        }

        private static double ms(long nanos) {
            return nanos / 1_000_000.0;
        }

        @Override
        public String toString() {
            return String.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms", p50, p99, max);
        }
    }
}
