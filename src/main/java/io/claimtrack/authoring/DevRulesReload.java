package io.claimtrack.authoring;

import java.nio.file.Path;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.claimtrack.rules.ActiveRuleset;
import io.claimtrack.rules.RulesDirectory;
import io.claimtrack.refusal.Refusal;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The analyst's local loop: in dev mode ({@code claimtrack.rules.watch-every}, off elsewhere), an edit
 * to {@code rules/*.drl} becomes a new version, validated and activated, with a log line saying so.
 * Failing scenarios are logged but do not block a local reload; an invalid edit is logged and skipped.
 */
@ApplicationScoped
public class DevRulesReload {

    private static final Logger LOG = Logger.getLogger(DevRulesReload.class);
    static final String AUTHOR = "rules/ (dev mode)";

    private final Path rulesDir;
    private final Drafts drafts;
    private final DraftChecks checks;
    private final Activations activations;
    private final ActiveRuleset activeRuleset;
    private volatile Map<String, String> lastSeen;

    public DevRulesReload(@ConfigProperty(name = "claimtrack.rules.dir") Path rulesDir, Drafts drafts,
                          DraftChecks checks, Activations activations, ActiveRuleset activeRuleset) {
        this.rulesDir = rulesDir;
        this.drafts = drafts;
        this.checks = checks;
        this.activations = activations;
        this.activeRuleset = activeRuleset;
    }

    @Scheduled(every = "${claimtrack.rules.watch-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reloadIfChanged() {
        if (!activeRuleset.isReady()) {
            return; // the scheduler may tick before start-up has made the baseline the active version
        }
        Map<String, String> files;
        try {
            files = RulesDirectory.read(rulesDir);
        } catch (RuntimeException e) {
            LOG.warnf("rules/ not readable: %s", e.getMessage());
            return;
        }
        Map<String, String> active = QuarkusTransaction.requiringNew().call(() ->
                RulesetEntity.active().map(r -> Map.copyOf(r.files)).orElse(Map.of()));
        if (files.equals(active) || files.equals(lastSeen)) {
            return;
        }
        lastSeen = files;
        RulesetView draft = drafts.create(new NewRuleset("edited in " + rulesDir, null, files, null), AUTHOR);
        Validation validation = checks.validate(draft.version(), AUTHOR);
        if (!validation.valid()) {
            LOG.warnf("rules/ edited, but v%d is not valid and stays a draft:%n  %s", draft.version(),
                    String.join("\n  ", validation.problems().stream().map(Object::toString).toList()));
            return;
        }
        try {
            ActivationResult result = activations.activate(draft.version(),
                    new Activation(true, "dev mode: rules/ edited"), AUTHOR);
            LOG.infof("rules/ edited: ruleset v%d activated (was v%s), %d claims changed status or flags",
                    result.version(), result.previousVersion(), result.changed());
        } catch (Refusal e) {
            LOG.warnf("rules/ edited, but v%d was not activated: %s %s", draft.version(), e.getMessage(), e.errors());
        }
    }
}
