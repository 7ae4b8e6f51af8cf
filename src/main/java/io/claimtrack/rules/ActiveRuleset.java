package io.claimtrack.rules;

import java.nio.file.Path;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

/**
 * The ruleset every evaluation uses, compiled once. At start it is the baseline in {@code rules/};
 * if that does not compile, start-up fails with each file, line and message.
 */
@Startup
@ApplicationScoped
public class ActiveRuleset {

    private static final Logger LOG = Logger.getLogger(ActiveRuleset.class);
    static final int BASELINE_VERSION = 1;

    private final Path rulesDir;
    private volatile CompiledRuleset current;

    public ActiveRuleset(@ConfigProperty(name = "claimtrack.rules.dir") Path rulesDir) {
        this.rulesDir = rulesDir;
    }

    @PostConstruct
    void compileBaseline() {
        long started = System.nanoTime();
        current = new RulesetCompiler().compile(BASELINE_VERSION, RulesDirectory.read(rulesDir));
        LOG.infof("Ruleset v%d compiled from %s in %d ms", BASELINE_VERSION, rulesDir.toAbsolutePath().normalize(),
                (System.nanoTime() - started) / 1_000_000);
    }

    public CompiledRuleset get() {
        return current;
    }
}
