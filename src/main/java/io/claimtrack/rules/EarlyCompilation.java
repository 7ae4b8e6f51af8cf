package io.claimtrack.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.jboss.logging.Logger;

/**
 * The policy in {@code rules/} compiled on a thread of its own from the first instant of the process,
 * while the rest of the application starts (Flyway, Hibernate, REST): compiling takes seconds, and the
 * other core is idle then. Start-up takes the result if the active ruleset's files are these very files,
 * and compiles what the database says otherwise; nothing waits for it that would not wait anyway.
 */
public final class EarlyCompilation {

    private static final Logger LOG = Logger.getLogger(EarlyCompilation.class);
    private static volatile Early started;

    private EarlyCompilation() {
    }

    /** Starts compiling the files of {@code rulesDir}, if it is a directory. */
    public static void start(Path rulesDir) {
        if (!Files.isDirectory(rulesDir)) {
            return;
        }
        Map<String, String> files;
        try {
            files = RulesDirectory.read(rulesDir); // a few files: read at once, compiled beside
        } catch (RuntimeException unreadable) {
            return; // start-up reads them again and says what is wrong
        }
        CompletableFuture<CompiledRuleset> compiling = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                long started = System.nanoTime();
                compiling.complete(new RulesetCompiler().compile(1, files));
                LOG.infof("rules/ compiled beside the start in %d ms", (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException | Error e) {
                compiling.completeExceptionally(e);
            }
        }, "claimtrack-rules-early-compile");
        thread.setDaemon(true);
        thread.start();
        started = new Early(files, compiling);
    }

    /**
     * The early compilation of exactly these files, as {@code version}, once it is done; empty (without
     * waiting) when none was started or the files differ, and empty when it failed: start-up then compiles,
     * and reports, itself.
     */
    public static Optional<CompiledRuleset> of(Map<String, String> files, int version) {
        Early early = started;
        if (early == null || !early.files().equals(files)) {
            return Optional.empty();
        }
        started = null; // used once: a later activation compiles its own version
        try {
            CompiledRuleset ruleset = early.compiling().join();
            return Optional.of(new CompiledRuleset(version, ruleset.kieBase(), ruleset.sessions()));
        } catch (RuntimeException e) {
            LOG.debugf("The early compilation of rules/ failed (%s); start-up compiles the active ruleset itself", e);
            return Optional.empty();
        }
    }

    private record Early(Map<String, String> files, CompletableFuture<CompiledRuleset> compiling) {
    }
}
