package io.claimtrack.authoring;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.claimtrack.evaluation.ThreadEvaluation;
import io.claimtrack.refusal.Conflict;
import io.claimtrack.refusal.Contradiction;
import io.claimtrack.refusal.FieldError;
import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.rules.ActiveRuleset;
import io.claimtrack.rules.CompiledRuleset;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Makes a version the active policy: checked, switched in one transaction, swapped in memory, then every
 * thread re-evaluated with the activation as the cause. Rolling back is activating an earlier version.
 * Made at start, so its metric is there (at 0) before the first activation.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class Activations {

    private static final Logger LOG = Logger.getLogger(Activations.class);

    private final DraftChecks checks;
    private final ActiveRuleset activeRuleset;
    private final ThreadEvaluation threads;
    private final Clock clock;

    public Activations(DraftChecks checks, ActiveRuleset activeRuleset, ThreadEvaluation threads, Clock clock,
                       MeterRegistry registry) {
        this.activations = Timer.builder("claimtrack.ruleset.activations")
                .description("Activations: checks, switch and re-evaluating every thread").register(registry);
        this.checks = checks;
        this.activeRuleset = activeRuleset;
        this.threads = threads;
        this.clock = clock;
    }

    private final Timer activations;

    /** One activation at a time: each re-evaluates everything under the version it made active. */
    public synchronized ActivationResult activate(int version, Activation request, String author) {
        long started = System.nanoTime();
        RulesetEntity ruleset = QuarkusTransaction.requiringNew().call(() -> RulesetVersions.existing(version));
        if (ruleset.state == RulesetState.ACTIVE) {
            throw new Conflict("version", "ruleset v" + version + " is already active");
        }
        CompiledRuleset compiled = checks.compiled(ruleset);
        TestRun tests = QuarkusTransaction.requiringNew().call(() -> checks.run(ruleset, compiled));
        refuseUnlessActivatable(version, request, tests);
        Integer previous = QuarkusTransaction.requiringNew().call(() -> switchTo(version, request, author, tests));
        activeRuleset.set(compiled);
        long activated = System.nanoTime();

        boolean rollback = previous != null && version < previous;
        String cause = "ruleset v" + version + " activated" + (rollback ? " (rollback from v" + previous + ")" : "");
        int changed = threads.reevaluateAllInBatches(cause);
        long reevaluated = System.nanoTime();
        activations.record(reevaluated - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        LOG.infof("Ruleset v%d active in %d ms; every thread re-evaluated in %d ms, %d claims changed", version,
                (activated - started) / 1_000_000, (reevaluated - activated) / 1_000_000, changed);
        return new ActivationResult(version, previous, rollback, request.force(), changed, cause,
                (activated - started) / 1_000_000, (reevaluated - activated) / 1_000_000);
    }

    /** A ruleset that cannot evaluate is never activated; one whose scenarios fail only when forced, with a reason. */
    private static void refuseUnlessActivatable(int version, Activation request, TestRun tests) {
        List<ScenarioResult> broken = tests.results().stream().filter(r -> r.error() != null).toList();
        if (!broken.isEmpty()) {
            throw new Contradiction("ruleset v" + version + " fails to evaluate " + broken.size() + " scenarios: "
                    + broken.get(0).error(),
                    broken.stream().map(r -> new FieldError("scenarios." + r.file(), r.error())).toList());
        }
        if (!tests.passed() && !request.force()) {
            throw new Conflict(tests.failed() + " of " + tests.total() + " scenarios fail under v" + version
                    + "; fix them, or activate with force and a reason",
                    tests.results().stream().filter(r -> !r.passed())
                            .map(r -> new FieldError("scenarios." + r.file(), r.describe())).toList());
        }
        if (request.force() && (request.reason() == null || request.reason().isBlank())) {
            throw new InvalidInput("reason", "a forced activation needs a reason");
        }
    }

    /** In the caller's transaction: retires the active version, activates this one, audits. @return the version it replaced */
    private Integer switchTo(int version, Activation request, String author, TestRun tests) {
        Instant now = clock.instant();
        RulesetEntity active = RulesetEntity.active().orElse(null);
        if (active != null) {
            active.state = RulesetState.RETIRED;
            active.flush(); // one ACTIVE at a time, enforced by a unique index
        }
        RulesetEntity next = RulesetEntity.findById(version);
        next.state = RulesetState.ACTIVE;
        next.activatedAt = now;
        boolean rollback = active != null && version < active.version;
        String action = request.force() ? "FORCED_ACTIVATION" : rollback ? "ROLLBACK" : "ACTIVATE";
        RulesetAuditEntity.record(now, author, action, version,
                (active == null ? "" : "replaces v" + active.version)
                        + (tests.passed() ? "; scenarios pass" : "; " + tests.failed() + " scenarios fail")
                        + (request.force() ? "; forced: " + request.reason() : ""));
        return active == null ? null : active.version;
    }
}
