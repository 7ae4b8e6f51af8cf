package io.claimtrack.evaluation;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What evaluations cost, for /q/metrics: how long each took (reading the facts, the rules, recording what
 * changed) by what caused it, and how many claims the threads read for them held.
 */
@ApplicationScoped
public class EvaluationMetrics {

    /** What set an evaluation off, as the metrics' {@code cause} tag says it. */
    enum Cause {
        SUBMISSION, IMPORT, CHANGE, ACTIVATION, TIME_PASSING, RESTART, PREVIEW, AS_OF;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /**
         * The kind of a recorded cause, from the words every recorded cause starts with (they are what the
         * history shows: "claim #7 submitted", "import #2, lines 1-1000", "ruleset v3 activated", ...).
         */
        static Cause of(String recorded) {
            if (recorded.startsWith("claim #") && recorded.contains(" submitted")) {
                return SUBMISSION;
            }
            if (recorded.startsWith("import #")) {
                return IMPORT;
            }
            if (recorded.startsWith("ruleset v") && recorded.contains(" activated")) {
                return ACTIVATION;
            }
            if (recorded.equals(TimePassing.CAUSE)) {
                return TIME_PASSING;
            }
            if (recorded.equals(InterruptedEvaluations.CAUSE)) {
                return RESTART;
            }
            return CHANGE; // evidence, verdicts, reviews, corrections, merges, actor changes
        }
    }

    private final java.util.Map<Cause, Timer> evaluations = new java.util.EnumMap<>(Cause.class);
    private final DistributionSummary threadClaims;

    public EvaluationMetrics(MeterRegistry registry) {
        // Every cause from the start, at 0: a dashboard's series exist before the first activation or restart.
        for (Cause cause : Cause.values()) {
            evaluations.put(cause, Timer.builder("claimtrack.evaluations")
                    .description("Evaluations of threads under a ruleset, by what caused them")
                    .tag("cause", cause.tag()).publishPercentileHistogram().register(registry));
        }
        this.threadClaims = DistributionSummary.builder("claimtrack.evaluation.thread.size")
                .description("Claims in each thread read for an evaluation").baseUnit("claims")
                .publishPercentileHistogram().register(registry);
    }

    void evaluated(Cause cause, long startedNanos) {
        evaluations.get(cause).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    void threadRead(int claims) {
        threadClaims.record(claims);
    }
}
