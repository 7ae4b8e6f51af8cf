package io.claimtrack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.claimtrack.facts.Claim;
import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.rules.Assessment;
import io.claimtrack.rules.CompiledRuleset;
import io.claimtrack.rules.FactSet;
import io.claimtrack.rules.PolicyEvaluator;
import io.claimtrack.rules.RulesDirectory;
import io.claimtrack.rules.RulesetCompiler;

/**
 * The benchmarks measure rules/ against {@link HandWrittenPolicy}, which only means something while the
 * two decide alike. The 30-minute suite checks that on a million claims; this holds them equal on small
 * seeded archives in every build, so they can never drift apart unnoticed.
 */
class HandWrittenAgreementTest {

    private static final CompiledRuleset RULES = new RulesetCompiler().compile(1, RulesDirectory.read(Path.of("rules")));

    @ParameterizedTest
    @ValueSource(longs = {SyntheticArchive.SEED, 7L, 1_000_003L})
    void shouldGiveEveryClaimTheSameStatusAndFlagsAsTheHandWrittenPolicy(long seed) {
        SyntheticArchive archive = SyntheticArchive.generate(3_000, seed);
        Set<ClaimStatus> seen = new HashSet<>();
        // Now, and a year on: the time-driven rules (staleness) must agree too.
        for (Instant at : List.of(archive.now, archive.now.plus(Duration.ofDays(365)))) {
            PolicyEvaluator evaluator = new PolicyEvaluator();
            Map<Long, HandWrittenPolicy.Expected> expected = HandWrittenPolicy.evaluate(archive.threads.values(), at);
            List<String> differ = new ArrayList<>();
            for (List<Claim> thread : archive.threads.values()) {
                Map<Long, Assessment> drools = evaluator.evaluate(RULES, new FactSet(thread, List.of(), at));
                for (Claim claim : thread) {
                    Assessment a = drools.get(claim.getId());
                    HandWrittenPolicy.Expected e = expected.get(claim.getId());
                    seen.add(a.status());
                    if (a.status() != e.status() || !a.flags().keySet().equals(e.flags())) {
                        differ.add(claim + " at " + at + ": rules " + a.status() + " " + a.flags().keySet()
                                + ", hand-written " + e.status() + " " + e.flags());
                    }
                }
            }
            assertEquals(List.of(), differ.subList(0, Math.min(10, differ.size())), differ.size() + " claims differ");
        }
        // An archive where every claim came out the same would agree trivially.
        assertTrue(seen.size() >= 4, "the archive exercises several statuses: " + seen);
    }
}
