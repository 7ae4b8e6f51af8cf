package io.claimtrack.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.claimtrack.facts.Actor;
import io.claimtrack.facts.ActorKind;
import io.claimtrack.facts.Claim;
import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Verdict;

/**
 * A warm thread answers exactly as evaluating the whole thread afresh would: random sequences of
 * submissions (disputes, supports, retractions, by actors of every kind in overlapping blocs) and of
 * time passing, each step checked both ways on every claim of the thread, standings, flags and
 * explanations alike, under the default policy in {@code rules/}.
 */
class WarmThreadPropertyTest {

    private static final String[] BLOCS = {"US-led coalition", "Russia", "EU", "Arab League"};
    private static final Instant START = Instant.parse("2015-09-30T12:00:00Z");

    private static CompiledRuleset ruleset;
    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    @BeforeAll
    static void compile() {
        ruleset = new RulesetCompiler().compile(1, RulesDirectory.read(Path.of("rules")));
    }

    @Test
    void shouldAgreeWithEvaluationAfreshAfterEveryStepOfRandomSequences() {
        int steps = 0;
        for (long seed = 1; seed <= 25; seed++) {
            steps += checkSequence(new Random(seed), 45);
        }
        assertEquals(25 * 45, steps, "every step was checked");
    }

    /** @return how many steps were checked */
    private int checkSequence(Random random, int length) {
        List<Actor> actors = actors(random);
        List<Claim> claims = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        Instant now = START;
        claims.add(new Claim(1, pick(random, actors), "Syria", now, null, null, null));
        if (random.nextInt(4) == 0) {
            verdicts.add(new Verdict(1, 1, ClaimStatus.values()[random.nextInt(ClaimStatus.values().length)],
                    "analyst", "checked", now));
        }
        var warmed = evaluator.warm(BoundedRun.LIVE, ruleset, new FactSet(claims, verdicts, now));
        Map<Long, Assessment> warm = new HashMap<>(warmed.assessments());
        ThreadSession session = warmed.session();
        int checked = 0;
        try {
            for (int step = 0; step < length; step++) {
                now = now.plus(Duration.ofHours(random.nextInt(24 * 25)));
                List<Claim> added = new ArrayList<>();
                if (random.nextInt(5) > 0) { // otherwise time alone passes
                    for (int n = random.nextInt(3) + 1; n > 0; n--) {
                        Claim claim = reply(random, actors, claims, now);
                        claims.add(claim);
                        added.add(claim);
                    }
                }
                warm.putAll(evaluator.advance(BoundedRun.LIVE, session, added, now));
                Map<Long, Assessment> afresh = evaluator.evaluate(BoundedRun.LIVE, ruleset,
                        new FactSet(claims, verdicts, now));
                assertEquals(afresh, warm, "step " + step + " at " + now + " after " + added.size() + " claims");
                checked++;
            }
        } finally {
            session.close();
        }
        return checked;
    }

    @Test
    void shouldCloseAWarmThreadWhoseRunFails() {
        Map<String, String> files = new HashMap<>(RulesDirectory.read(Path.of("rules")));
        files.put("failing.drl", """
                package io.claimtrack.policy;
                import io.claimtrack.facts.Claim;
                rule "A rule that fails on the second claim"
                when
                    $claim : Claim( id == 2 )
                then
                    long quotient = 1 / ( $claim.getId() - 2 );
                end
                """);
        CompiledRuleset failing = new RulesetCompiler().compile(2, files);
        Actor russia = new Actor("Russia", ActorKind.STATE, Set.of("Russia"));
        var warmed = evaluator.warm(BoundedRun.LIVE, failing,
                new FactSet(List.of(new Claim(1, russia, "Syria", START, null, null, null)), List.of(), START));
        Claim dispute = new Claim(2, new Actor("France", ActorKind.STATE, Set.of()), "Syria", START, 1L, null, null);

        assertThrows(RuleEvaluationException.class,
                () -> evaluator.advance(BoundedRun.LIVE, warmed.session(), List.of(dispute), START));
        assertFalse(warmed.session().usable(), "a session a failed run went through is never used again");
        assertThrows(IllegalStateException.class,
                () -> evaluator.advance(BoundedRun.LIVE, warmed.session(), List.of(), START));
    }

    private static List<Actor> actors(Random random) {
        List<Actor> actors = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ActorKind kind = ActorKind.values()[random.nextInt(ActorKind.values().length)];
            Set<String> blocs = switch (random.nextInt(4)) {
                case 0 -> Set.of();
                case 1 -> Set.of(BLOCS[random.nextInt(BLOCS.length)]);
                default -> Set.of(BLOCS[i % BLOCS.length], BLOCS[(i + 1 + random.nextInt(BLOCS.length - 1)) % BLOCS.length]);
            };
            actors.add(new Actor("Actor " + i, kind, blocs));
        }
        return actors;
    }

    /** A claim replying to one already made: a dispute, a support, or its claimant's retraction. */
    private static Claim reply(Random random, List<Actor> actors, List<Claim> claims, Instant at) {
        long id = claims.size() + 1;
        Claim target = claims.get(random.nextInt(claims.size()));
        int kind = random.nextInt(10);
        if (kind == 0) {
            return new Claim(id, target.getClaimant(), "Syria", at, null, null, target.getId());
        }
        // Now and then the claimant disputes or supports its own claim.
        Actor claimant = random.nextInt(8) == 0 ? target.getClaimant() : pick(random, actors);
        return kind <= 5 ? new Claim(id, claimant, "Syria", at, target.getId(), null, null)
                : new Claim(id, claimant, "Syria", at, null, target.getId(), null);
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
