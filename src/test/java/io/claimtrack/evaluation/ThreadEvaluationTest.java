package io.claimtrack.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.facts.Actor;
import io.claimtrack.facts.ActorKind;
import io.claimtrack.facts.Claim;
import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Verdict;
import io.claimtrack.rules.ActiveRuleset;
import io.claimtrack.rules.Evaluation;
import io.claimtrack.rules.RulesDirectory;
import io.claimtrack.rules.RulesetCompiler;

/**
 * ThreadEvaluation alone, over stores in memory: what it locks, what it evaluates together and apart,
 * what it records, and what it refuses. No database and no container: the stores are the interfaces
 * evaluation owns.
 */
class ThreadEvaluationTest {

    private static final Instant NOW = Instant.parse("2015-10-10T12:00:00Z");
    private static final Actor RUSSIA = new Actor("Russia", ActorKind.STATE, Set.of("Russia"));
    private static final Actor US = new Actor("United States", ActorKind.STATE, Set.of("US-led coalition"));
    private static final Actor FRANCE = new Actor("France", ActorKind.STATE, Set.of("US-led coalition"));

    private final Threads store = new Threads();
    private final List<Verdict> verdicts = new ArrayList<>();
    private final List<Recorded> recorded = new ArrayList<>();
    private ThreadEvaluation evaluation;

    private record Recorded(Evaluation evaluation, String cause) {
    }

    @BeforeEach
    void setUp() {
        ActiveRuleset rules = new ActiveRuleset();
        rules.set(new RulesetCompiler().compile(3, RulesDirectory.read(Path.of("rules"))));
        VerdictsInForce inForce = (claimIds, at) -> verdicts.stream()
                .filter(v -> claimIds.contains(v.getClaimId()) && !v.getAt().isAfter(at)).toList();
        Conclusions conclusions = (result, cause) -> {
            recorded.add(new Recorded(result, cause));
            return result.assessments().size();
        };
        ActiveVersionStore stored = new ActiveVersionStore() {
            @Override
            public int activeVersion() {
                return rules.get().version();
            }

            @Override
            public io.claimtrack.rules.CompiledRuleset compileActive() {
                return rules.get();
            }
        };
        evaluation = new ThreadEvaluation(rules, stored, store, inForce, (claimIds, at) -> List.of(), (claimIds, at) -> List.of(),
                conclusions,
                Clock.fixed(NOW, ZoneOffset.UTC),
                new LockedThreads(), new WarmThreads(null, 0, 8, 0),
                new EvaluationMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
        // Thread 1: Russia's claim disputed by the US and France. Thread 10: an undisputed claim.
        store.add(1, new Claim(1, RUSSIA, "Syria", at("2015-09-30T12:00:00Z"), null, null, null));
        store.add(1, new Claim(2, US, "Syria", at("2015-10-01T12:00:00Z"), 1L, null, null));
        store.add(1, new Claim(3, FRANCE, "Syria", at("2015-10-02T12:00:00Z"), 1L, null, null));
        store.add(10, new Claim(10, RUSSIA, "Syria", at("2015-10-01T09:00:00Z"), null, null, null));
    }

    @Test
    void shouldLockOnlyThreadsNotYetHeldInAscendingOrder() {
        evaluation.lock(List.of(10L, 1L));
        evaluation.lock(List.of(1L, 10L)); // held already: no second query
        evaluation.opened(20);
        evaluation.lock(List.of(20L, 5L));
        assertEquals(List.of(List.of(1L, 10L), List.of(5L)), store.locks);
    }

    @Test
    void shouldRefuseToReevaluateAThreadTheTransactionDoesNotHold() {
        evaluation.lock(List.of(1L));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> evaluation.reevaluateLocked(List.of(1L, 10L), "test"));
        assertTrue(refused.getMessage().contains("does not hold"), refused.getMessage());
        assertEquals(List.of(), recorded, "nothing is recorded");
    }

    @Test
    void shouldEvaluateEachHeldThreadAloneAndRecordUnderTheActiveVersionWithTheCause() {
        evaluation.lock(List.of(1L, 10L));
        assertEquals(4, evaluation.reevaluateLocked(List.of(1L, 10L), "claim #3 submitted"));

        assertEquals(1, recorded.size());
        Recorded only = recorded.get(0);
        assertEquals("claim #3 submitted", only.cause());
        assertEquals(3, only.evaluation().rulesetVersion());
        assertEquals(ClaimStatus.CONTESTED, only.evaluation().assessments().get(1L).status());
        // Claim 10 shares Russia and the topic with claim 1, but not the thread: nobody disputes it.
        assertEquals(ClaimStatus.UNVERIFIED, only.evaluation().assessments().get(10L).status());
        assertEquals(0, evaluation.reevaluateLocked(List.of(), "nothing"));
    }

    @Test
    void shouldGiveAVerdictToItsOwnThreadOnly() {
        verdicts.add(new Verdict(7, 10, ClaimStatus.CONFIRMED, "analyst", "checked", at("2015-10-05T00:00:00Z")));
        evaluation.lock(List.of(1L, 10L));
        evaluation.reevaluateLocked(List.of(1L, 10L), "verdict #7");
        Map<Long, ?> assessments = recorded.get(0).evaluation().assessments();
        assertEquals(ClaimStatus.CONFIRMED, recorded.get(0).evaluation().assessments().get(10L).status());
        assertEquals(ClaimStatus.CONTESTED, recorded.get(0).evaluation().assessments().get(1L).status());
        assertEquals(4, assessments.size());
    }

    @Test
    void shouldReadAsOfAnInstantWithoutRecording() {
        Evaluation before = evaluation.asOf(List.of(1L), at("2015-10-01T00:00:00Z"));
        assertEquals(Set.of(1L), before.assessments().keySet(), "only what was asserted by then");
        assertEquals(ClaimStatus.UNVERIFIED, before.assessments().get(1L).status());
        assertEquals(ClaimStatus.CONTESTED, evaluation.asOf(List.of(1L), NOW).assessments().get(1L).status());
        assertEquals(List.of(), recorded);
        assertEquals(List.of(), store.locks, "a read locks nothing");
    }

    @Test
    void shouldTellHowAClaimMovedUntilNow() {
        var timeline = evaluation.timeline(1, 1);
        assertEquals(ClaimStatus.UNVERIFIED, timeline.get(0).assessment().status());
        assertEquals(ClaimStatus.CONTESTED, timeline.get(timeline.size() - 1).assessment().status());
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    /** Threads in memory; remembers each lock call. */
    private static final class Threads implements ThreadStore {
        final Map<Long, List<Claim>> claims = new LinkedHashMap<>();
        final List<List<Long>> locks = new ArrayList<>();
        final Map<Long, Long> versions = new HashMap<>();

        void add(long thread, Claim claim) {
            claims.computeIfAbsent(thread, t -> new ArrayList<>()).add(claim);
        }

        @Override
        public List<Long> allThreadIds() {
            return List.copyOf(claims.keySet());
        }

        @Override
        public List<Long> threadsNotEvaluatedUnder(int rulesetVersion) {
            return allThreadIds();
        }

        @Override
        public Map<Long, Long> lock(List<Long> threadIds) {
            locks.add(List.copyOf(threadIds));
            Map<Long, Long> held = new HashMap<>();
            threadIds.forEach(id -> held.put(id, versions.getOrDefault(id, 0L)));
            return held;
        }

        @Override
        public void changed(Collection<Long> threadIds) {
            threadIds.forEach(id -> versions.merge(id, 1L, Long::sum));
        }

        @Override
        public Map<Long, List<Claim>> claimsAsOf(Collection<Long> threadIds, Instant asOf) {
            Map<Long, List<Claim>> found = new LinkedHashMap<>();
            for (Long thread : threadIds) {
                List<Claim> asserted = claims.getOrDefault(thread, List.of()).stream()
                        .filter(c -> !c.getAssertedAt().isAfter(asOf)).toList();
                if (!asserted.isEmpty()) {
                    found.put(thread, asserted);
                }
            }
            return found;
        }
    }
}
