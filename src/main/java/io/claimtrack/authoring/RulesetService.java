package io.claimtrack.authoring;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

import io.claimtrack.evaluation.ThreadEvaluation;
import io.claimtrack.facts.Flag;
import io.claimtrack.problem.Problem;
import io.claimtrack.rules.ActiveRuleset;
import io.claimtrack.rules.Assessment;
import io.claimtrack.rules.CompiledRuleset;
import io.claimtrack.rules.RuleProblem;
import io.claimtrack.status.ClaimStatusEntity;
import io.claimtrack.refusal.NotFound;
import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.refusal.Contradiction;
import io.claimtrack.refusal.Conflict;
import io.claimtrack.refusal.TooLarge;
import io.claimtrack.refusal.FieldError;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Analysts' path from a draft to the active policy: create, validate, test against scenarios, preview,
 * then activate atomically (rollback is activating an earlier version). Every step that matters is
 * audited: who, when, what.
 */
@ApplicationScoped
public class RulesetService {

    private static final Logger LOG = Logger.getLogger(RulesetService.class);

    private final RulesetValidator validator;
    private final ActiveRuleset activeRuleset;
    private final ThreadEvaluation threads;
    private final Clock clock;
    private final Path scenariosDir;
    private final ScenarioRunner scenarios = new ScenarioRunner();

    public RulesetService(RulesetValidator validator, ActiveRuleset activeRuleset, ThreadEvaluation threads, Clock clock,
                          @ConfigProperty(name = "claimtrack.rules.dir") Path rulesDir) {
        this.validator = validator;
        this.activeRuleset = activeRuleset;
        this.threads = threads;
        this.clock = clock;
        this.scenariosDir = rulesDir.resolve("scenarios");
    }

    @Transactional
    public RulesetEntity create(NewRuleset request, String author) {
        RulesetEntity base = null;
        if (request.basedOn() != null) {
            base = RulesetEntity.findById(request.basedOn());
            if (base == null) {
                throw new Contradiction("basedOn", "ruleset v" + request.basedOn() + " does not exist");
            }
        } else if (request.files() == null || request.files().isEmpty()) {
            throw new InvalidInput("files", "give the draft's files, or basedOn and the files that change");
        }
        RulesetEntity draft = new RulesetEntity();
        draft.files.putAll(merge(base == null ? Map.of() : base.files, request.files(), "files"));
        draft.scenarios.putAll(merge(base == null ? Map.of() : base.scenarios, request.scenarios(), "scenarios"));
        List<RuleProblem> names = RulesetValidator.names(draft.files);
        if (!names.isEmpty()) {
            throw new InvalidInput("the draft is refused: " + names.get(0).message(),
                    names.stream().map(p -> new FieldError("files." + p.file(), p.message())).toList());
        }
        List<RuleProblem> limits = RulesetValidator.limits(draft.files);
        if (!limits.isEmpty()) {
            throw new TooLarge("the draft is refused: " + limits.get(0).message(),
                    limits.stream().map(p -> new FieldError("files" + (p.file().isEmpty() ? "" : "." + p.file()), p.message())).toList());
        }
        for (Map.Entry<String, String> scenario : draft.scenarios.entrySet()) {
            if (!RulesetValidator.isFileName(scenario.getKey(), ".json")) {
                throw new InvalidInput("scenarios." + scenario.getKey(), "a scenario file name ends in .json");
            }
            try {
                ScenarioRunner.parse(scenario.getKey(), scenario.getValue());
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("scenarios." + scenario.getKey(), e.getMessage());
            }
        }
        draft.version = RulesetEntity.nextVersion();
        draft.state = RulesetState.DRAFT;
        draft.author = author;
        draft.note = request.note();
        draft.basedOn = request.basedOn();
        draft.createdAt = clock.instant();
        draft.persist();
        RulesetAuditEntity.record(draft.createdAt, draft.author, "CREATE", draft.version,
                (base == null ? "" : "based on v" + base.version + "; ") + "files " + new TreeSet<>(draft.files.keySet())
                        + (request.note() == null ? "" : "; note: " + request.note()));
        return draft;
    }

    @Transactional
    public Validation validate(int version, String by) {
        RulesetEntity ruleset = existing(version);
        Validation validation = validator.validate(version, ruleset.files);
        if (!validation.valid()) {
            RulesetAuditEntity.record(clock.instant(), by, "VALIDATION_FAILED", version,
                    validation.problems().size() + " problems; first: " + validation.problems().get(0));
        }
        return validation;
    }

    @Transactional
    public TestRun test(int version) {
        RulesetEntity ruleset = existing(version);
        return run(ruleset, compiled(ruleset));
    }

    public Preview preview(int version, int page, int size) {
        CompiledRuleset compiled = compiled(QuarkusTransaction.requiringNew().call(() -> existing(version)));
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

    /**
     * Makes {@code version} the active ruleset in one transaction, swaps the compiled ruleset, then
     * re-evaluates every thread, recording each change with the activation as its cause.
     */
    public synchronized ActivationResult activate(int version, Activation request, String author) {
        long started = System.nanoTime();
        RulesetEntity ruleset = QuarkusTransaction.requiringNew().call(() -> existing(version));
        if (ruleset.state == RulesetState.ACTIVE) {
            throw new Conflict("version", "ruleset v" + version + " is already active");
        }
        CompiledRuleset compiled = compiled(ruleset);
        TestRun tests = QuarkusTransaction.requiringNew().call(() -> run(ruleset, compiled));
        List<ScenarioResult> broken = tests.results().stream().filter(r -> r.error() != null).toList();
        if (!broken.isEmpty()) {
            // A ruleset that cannot evaluate (a loop, a claim left without status) is never activated, forced or not.
            throw new Contradiction("ruleset v" + version + " fails to evaluate "
                    + broken.size() + " scenarios: " + broken.get(0).error(),
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
        Instant now = clock.instant();
        Integer previous = QuarkusTransaction.requiringNew().call(() -> {
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
        });
        activeRuleset.set(compiled);
        boolean rollback = previous != null && version < previous;
        String cause = rollback ? "ruleset v" + version + " activated (rollback from v" + previous + ")"
                : "ruleset v" + version + " activated";
        long activated = System.nanoTime();
        int changed = threads.reevaluateAllInBatches(cause);
        long reevaluated = System.nanoTime();
        LOG.infof("Ruleset v%d active in %d ms; every thread re-evaluated in %d ms, %d claims changed", version,
                (activated - started) / 1_000_000, (reevaluated - activated) / 1_000_000, changed);
        return new ActivationResult(version, previous, rollback, request.force(), changed, cause,
                (activated - started) / 1_000_000, (reevaluated - activated) / 1_000_000);
    }

    @Transactional
    public List<FileDiff> diff(int version, int against) {
        Map<String, String> files = existing(version).files;
        Map<String, String> base = existing(against).files;
        List<FileDiff> diffs = new ArrayList<>();
        for (String name : new TreeSet<>(union(files.keySet(), base.keySet()))) {
            String before = base.get(name);
            String after = files.get(name);
            FileDiff.Change change = before == null ? FileDiff.Change.ADDED : after == null ? FileDiff.Change.REMOVED
                    : before.equals(after) ? FileDiff.Change.UNCHANGED : FileDiff.Change.MODIFIED;
            List<String> original = lines(before);
            List<String> revised = lines(after);
            String text = change == FileDiff.Change.UNCHANGED ? "" : String.join("\n",
                    UnifiedDiffUtils.generateUnifiedDiff("v" + against + "/" + name, "v" + version + "/" + name,
                            original, DiffUtils.diff(original, revised), 3)) + "\n";
            diffs.add(new FileDiff(name, change, text));
        }
        return diffs;
    }

    static RulesetEntity existing(int version) {
        RulesetEntity ruleset = RulesetEntity.findById(version);
        if (ruleset == null) {
            throw NotFound.of("ruleset version", version);
        }
        return ruleset;
    }

    /** The compiled ruleset, or 422 listing why it cannot run. */
    private CompiledRuleset compiled(RulesetEntity ruleset) {
        Validation validation = validator.validate(ruleset.version, ruleset.files);
        if (!validation.valid()) {
            throw new Contradiction("ruleset v" + ruleset.version + " is not valid: "
                    + validation.problems().size() + " problems (see /validate)",
                    validation.problems().stream().map(p -> new FieldError(
                            p.file() + ":" + p.line() + ":" + p.column(), p.message())).toList());
        }
        return validation.compiled();
    }

    private TestRun run(RulesetEntity ruleset, CompiledRuleset compiled) {
        Map<String, String> files = new TreeMap<>(ScenarioRunner.read(scenariosDir));
        ruleset.scenarios.forEach((name, json) -> files.put("attached/" + name, json));
        List<ScenarioResult> results = scenarios.runAll(compiled, files);
        int failed = (int) results.stream().filter(r -> !r.passed()).count();
        return new TestRun(ruleset.version, failed == 0, results.size(), failed, results);
    }

    private static Map<String, String> merge(Map<String, String> base, Map<String, String> changes, String field) {
        Map<String, String> merged = new TreeMap<>(base);
        if (changes != null) {
            changes.forEach((name, content) -> {
                if (name == null || name.isBlank()) {
                    throw new InvalidInput(field, "a file name must not be blank");
                }
                if (content == null) {
                    merged.remove(name);
                } else {
                    merged.put(name, content);
                }
            });
        }
        return merged;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.asList(text.split("\n", -1));
    }
}
