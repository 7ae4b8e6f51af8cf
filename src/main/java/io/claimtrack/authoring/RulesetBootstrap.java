package io.claimtrack.authoring;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.claimtrack.rules.ActiveRuleset;
import io.claimtrack.rules.EarlyCompilation;
import io.claimtrack.rules.CompiledRuleset;
import io.claimtrack.rules.RulesDirectory;
import io.claimtrack.rules.RulesetCompilationException;
import io.claimtrack.rules.RulesetCompiler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * At start, before anything evaluates: the files in {@code rules/} must compile (or start-up fails with
 * file, line and message); on a fresh install they become ruleset version 1, ACTIVE; afterwards the
 * version the database says is ACTIVE is compiled and used. Instances started at once on an empty database
 * both try to store version 1: one does, the other uses it.
 */
@ApplicationScoped
public class RulesetBootstrap {

    private static final Logger LOG = Logger.getLogger(RulesetBootstrap.class);
    public static final String BASELINE_AUTHOR = "rules/ (baseline)";

    private final Path rulesDir;
    private final ActiveRuleset activeRuleset;
    private final RulesetValidator validator;
    private final Clock clock;

    public RulesetBootstrap(@ConfigProperty(name = "claimtrack.rules.dir") Path rulesDir, ActiveRuleset activeRuleset,
                            RulesetValidator validator, Clock clock) {
        this.rulesDir = rulesDir;
        this.activeRuleset = activeRuleset;
        this.validator = validator;
        this.clock = clock;
    }

    void onStart(@Observes @Priority(100) StartupEvent start) {
        long started = System.nanoTime();
        Map<String, String> baseline = RulesDirectory.read(rulesDir);
        Stored active = QuarkusTransaction.requiringNew().call(() -> RulesetEntity.active().map(Stored::of).orElse(null));
        CompiledRuleset compiled = null;
        if (active == null) {
            // A fresh install: rules/ must compile before it is stored as version 1.
            compiled = compileBaseline(baseline);
            try {
                active = QuarkusTransaction.requiringNew().call(() -> RulesetEntity.active().map(Stored::of)
                        .orElseGet(() -> storeBaseline(baseline)));
            } catch (RuntimeException raced) {
                // Another instance started on the same empty database and stored its baseline first: use the stored one.
                active = QuarkusTransaction.requiringNew().call(() -> RulesetEntity.active().map(Stored::of)
                        .orElseThrow(() -> raced));
                LOG.infof("Ruleset v%d was stored by another instance starting at the same time", active.version());
            }
        }
        if (compiled == null || active.version() != compiled.version() || !active.files().equals(baseline)) {
            // Compiled once: early, while the rest started, when the active files are rules/ (the usual case).
            Stored stored = active;
            compiled = EarlyCompilation.of(active.files(), active.version())
                    .orElseGet(() -> compile(stored.version(), stored.files()));
        }
        activeRuleset.set(compiled);
        if (!active.files().equals(baseline)) {
            LOG.warnf("The files in %s differ from the active ruleset v%d; the database's version is used."
                    + " Submit them as a draft to activate them.", rulesDir, active.version());
        }
        LOG.infof("Ruleset v%d active (%d ms)", active.version(), (System.nanoTime() - started) / 1_000_000);
    }

    private static CompiledRuleset compileBaseline(Map<String, String> baseline) {
        return EarlyCompilation.of(baseline, 1).orElseGet(() -> new RulesetCompiler().compile(1, baseline));
    }

    /** The active version as stored; {@code baselineStoredNow}: this start stored it from {@code rules/}. */
    private record Stored(int version, Map<String, String> files, boolean baselineStoredNow) {
        static Stored of(RulesetEntity ruleset) {
            return new Stored(ruleset.version, Map.copyOf(ruleset.files), false);
        }
    }

    /** A fresh install: the files in {@code rules/} become version 1, ACTIVE. */
    private Stored storeBaseline(Map<String, String> baseline) {
        RulesetEntity active = new RulesetEntity();
        active.version = RulesetEntity.nextVersion();
        active.state = RulesetState.ACTIVE;
        active.author = BASELINE_AUTHOR;
        active.note = "baseline from " + rulesDir;
        active.createdAt = clock.instant();
        active.activatedAt = active.createdAt;
        active.files.putAll(baseline);
        active.persist();
        RulesetAuditEntity.record(active.createdAt, BASELINE_AUTHOR, "ACTIVATE", active.version,
                "baseline from " + rulesDir.toAbsolutePath().normalize() + ": " + baseline.keySet());
        RulesetEntity.flush(); // a second instance's insert of the same version fails here, inside the try
        return new Stored(active.version, Map.copyOf(baseline), true);
    }

    private CompiledRuleset compile(int version, Map<String, String> files) {
        Validation validation = validator.validate(version, files);
        if (!validation.valid()) {
            throw new RulesetCompilationException("Active ruleset v" + version, validation.problems());
        }
        return validation.compiled();
    }
}
