package io.claimtrack.authoring;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.claimtrack.evaluation.ThreadEvaluation;
import io.claimtrack.facts.Flag;
import io.claimtrack.refusal.Contradiction;
import io.claimtrack.refusal.FieldError;
import io.claimtrack.rules.Assessment;
import io.claimtrack.rules.CompiledRuleset;
import io.claimtrack.rules.RuleEvaluationException;
import io.claimtrack.status.ClaimStatusEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What a version would do, found out without changing the policy: validation (limits, safety policy,
 * compilation), the scenarios, and a preview of what activating it would change. Each is an action
 * someone takes; a page shows the last check it stored, and viewing it runs nothing.
 */
@ApplicationScoped
public class DraftChecks {

    /** Changes shown by a check run from the pages; the API pages through all of them. */
    static final int PREVIEW_SHOWN = 50;

    private final RulesetValidator validator;
    private final ThreadEvaluation threads;
    private final Clock clock;
    private final Path scenariosDir;
    private final ScenarioRunner scenarios = new ScenarioRunner();

    public DraftChecks(RulesetValidator validator, ThreadEvaluation threads, Clock clock,
                       @ConfigProperty(name = "claimtrack.rules.dir") Path rulesDir) {
        this.validator = validator;
        this.threads = threads;
        this.clock = clock;
        this.scenariosDir = rulesDir.resolve("scenarios");
    }

    /**
     * A check as it was run, for showing again: the scenarios and preview only when the version is valid;
     * {@code stopped} says why they were cut short when the rules ran past their bounds (a loop, a join of
     * everything), which is itself the check's finding.
     */
    public record Check(int version, Instant at, String by, Validation validation, TestRun tests, Preview preview,
                        String stopped) {
    }

    /** Validates the version; a failure is audited. */
    @Transactional
    public Validation validate(int version, String by) {
        RulesetEntity ruleset = RulesetVersions.existing(version);
        Validation validation = validator.validate(version, ruleset.files);
        if (!validation.valid()) {
            RulesetAuditEntity.record(clock.instant(), by, "VALIDATION_FAILED", version,
                    validation.problems().size() + " problems; first: " + validation.problems().get(0));
        }
        return validation;
    }

    @Transactional
    public TestRun test(int version) {
        RulesetEntity ruleset = RulesetVersions.existing(version);
        return run(ruleset, compiled(ruleset));
    }

    /** What activating the version would change now; one page of the changes. Changes nothing. */
    public Preview preview(int version, int page, int size) {
        return preview(version, compiled(QuarkusTransaction.requiringNew().call(() -> RulesetVersions.existing(version))),
                page, size);
    }

    /** Validates, tests and previews the version, storing the result as its last check. */
    public Check check(int version, String by) {
        Validation validation = QuarkusTransaction.requiringNew().call(() -> validate(version, by));
        TestRun tests = null;
        Preview preview = null;
        String stopped = null;
        if (validation.valid()) {
            try {
                tests = QuarkusTransaction.requiringNew().call(() -> run(RulesetVersions.existing(version), validation.compiled()));
                preview = preview(version, validation.compiled(), 0, PREVIEW_SHOWN);
            } catch (RuleEvaluationException e) {
                stopped = e.getMessage();
            }
        }
        Check check = new Check(version, clock.instant(), by, validation, tests, preview, stopped);
        QuarkusTransaction.requiringNew().run(() -> RulesetCheckEntity.store(check));
        return check;
    }

    /** The version's last stored check, if it was ever checked. */
    @Transactional
    public Optional<Check> lastCheck(int version) {
        return RulesetCheckEntity.of(version);
    }

    /** The compiled ruleset, or a refusal listing why it cannot run. */
    CompiledRuleset compiled(RulesetEntity ruleset) {
        Validation validation = validator.validate(ruleset.version, ruleset.files);
        if (!validation.valid()) {
            throw new Contradiction("ruleset v" + ruleset.version + " is not valid: "
                    + validation.problems().size() + " problems (see /validate)",
                    validation.problems().stream().map(p -> new FieldError(
                            p.file() + ":" + p.line() + ":" + p.column(), p.message())).toList());
        }
        return validation.compiled();
    }

    /** The baseline scenarios of rules/scenarios and those attached to the version, run under {@code compiled}. */
    TestRun run(RulesetEntity ruleset, CompiledRuleset compiled) {
        Map<String, String> files = new TreeMap<>(ScenarioRunner.read(scenariosDir));
        ruleset.scenarios.forEach((name, json) -> files.put("attached/" + name, json));
        List<ScenarioResult> results = scenarios.runAll(compiled, files);
        int failed = (int) results.stream().filter(r -> !r.passed()).count();
        return new TestRun(ruleset.version, failed == 0, results.size(), failed, results);
    }

    private Preview preview(int version, CompiledRuleset compiled, int page, int size) {
        List<Preview.Change> changes = new ArrayList<>();
        Map<String, Integer> transitions = new TreeMap<>();
        int[] evaluated = {0};
        threads.previewInBatches(compiled, proposed -> {
            evaluated[0] += proposed.size();
            Map<Long, ClaimStatusEntity> current = ClaimStatusEntity.forClaims(proposed.keySet());
            for (Assessment next : proposed.values()) {
                ClaimStatusEntity now = current.get(next.claimId());
                Set<Flag> before = now == null ? Set.of() : now.flagSet();
                if (now != null && next.keepsStanding(now.status, before)) {
                    continue;
                }
                Set<Flag> added = new TreeSet<>(next.flags().keySet());
                added.removeAll(before);
                Set<Flag> removed = new TreeSet<>(before);
                removed.removeAll(next.flags().keySet());
                changes.add(new Preview.Change(next.claimId(), now == null ? null : now.status, next.status(), added,
                        removed, next.rule()));
                if (now == null || now.status != next.status()) {
                    transitions.merge((now == null ? "NONE" : now.status.name()) + "->" + next.status(), 1, Integer::sum);
                }
            }
        });
        changes.sort(Comparator.comparingLong(Preview.Change::claimId));
        int from = (int) Math.min((long) page * size, changes.size());
        return new Preview(version, evaluated[0], changes.size(), transitions, page, size,
                changes.subList(from, Math.min(from + size, changes.size())));
    }
}
