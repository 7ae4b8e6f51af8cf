package io.claimtrack.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.claimtrack.rules.ActiveRuleset;
import io.claimtrack.rules.RulesDirectory;
import io.claimtrack.testing.StartUpRace;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Two instances start at once on an empty database: both find no ruleset and both store the baseline as
 * version 1; one insert fails on the version. The one that lost uses the stored version instead of failing
 * to start. Here the other instance is a transaction of the test's own, holding its version 1 uncommitted
 * while this instance's start-up looks.
 */
@QuarkusTest
@TestProfile(RulesetBootstrapRaceTest.EmptyDatabase.class)
class RulesetBootstrapRaceTest {

    /** A database of its own, so that its rulesets can be removed. */
    public static class EmptyDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:ruleset-race;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000",
                    "claimtrack.demo-data.enabled", "false");
        }
    }

    @Inject
    RulesetBootstrap bootstrap;

    @Inject
    ActiveRuleset activeRuleset;

    @Test
    void shouldUseTheBaselineAnotherInstanceStoredAtTheSameTime() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : new String[] {"ruleset_check", "ruleset_file", "ruleset_scenario", "ruleset_audit", "ruleset"}) {
                RulesetEntity.getEntityManager().createNativeQuery("delete from " + table).executeUpdate();
            }
        });
        StartUpRace.run(RulesetEntity.getEntityManager(), () -> {
            RulesetEntity other = new RulesetEntity();
            other.version = 1;
            other.state = RulesetState.ACTIVE;
            other.author = RulesetBootstrap.BASELINE_AUTHOR;
            other.note = "the other instance's baseline";
            other.createdAt = Instant.now();
            other.activatedAt = other.createdAt;
            other.files.putAll(RulesDirectory.read(Path.of("rules")));
            other.persist();
            RulesetEntity.getEntityManager().flush();
        }, "ruleset", () -> bootstrap.onStart(null)); // would throw: the version's key

        assertEquals("the other instance's baseline", QuarkusTransaction.requiringNew().call(
                () -> RulesetEntity.active().orElseThrow().note));
        assertEquals(1, activeRuleset.get().version(), "this instance runs the stored version");
    }
}
