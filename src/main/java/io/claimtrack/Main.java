package io.claimtrack;

import java.nio.file.Path;

import io.claimtrack.rules.EarlyCompilation;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The packaged application's entry point: starts compiling the policy in {@code rules/} (or
 * {@code CLAIMTRACK_RULES_DIR}) at once, beside Quarkus' own start, then starts Quarkus.
 */
@QuarkusMain
public final class Main {

    public static void main(String... args) {
        String rulesDir = System.getProperty("claimtrack.rules.dir", System.getenv().getOrDefault("CLAIMTRACK_RULES_DIR", "rules"));
        EarlyCompilation.start(Path.of(rulesDir));
        Quarkus.run(args);
    }
}
