package io.claimtrack.operations;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import io.claimtrack.rules.BoundedRun;
import io.claimtrack.rules.RulesetCompiler;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * The rule engine's own figures, for /q/metrics: rule firings by pool (the active policy's evaluations, drafts'
 * scenarios and previews) and ruleset compilations. The engine keeps them as plain counts where runs end; they are
 * read at each scrape.
 */
@Singleton
@Startup
public class RuleMetrics {

    /** Held, so the counters' weak references to their pools' names stay valid. */
    private final List<String> pools = BoundedRun.pools();

    public RuleMetrics(MeterRegistry registry) {
        for (String pool : pools) {
            FunctionCounter.builder("claimtrack.rule.firings", pool, BoundedRun::firings).tag("pool", pool)
                    .description("Rules fired, by evaluation pool").register(registry);
        }
        FunctionTimer.builder("claimtrack.ruleset.compilations", RulesetCompiler.class,
                        compiler -> RulesetCompiler.compilations(), compiler -> RulesetCompiler.compileNanos(),
                        TimeUnit.NANOSECONDS)
                .description("Rulesets compiled (the baseline, drafts, validations), and the time it took").register(registry);
    }
}
