package io.claimtrack.rules;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.claimtrack.facts.Actor;
import io.claimtrack.facts.ActorKind;
import io.claimtrack.facts.Claim;
import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Verdict;

/** Builds a dispute thread fact by fact and evaluates it under the baseline policy in {@code rules/}. */
final class PolicyScenario {

    static final CompiledRuleset BASELINE = new RulesetCompiler().compile(1, RulesDirectory.read(Path.of("rules")));

    static final Actor RUSSIA = new Actor("Russia", ActorKind.STATE, Set.of("Russia"));
    static final Actor LAVROV = new Actor("Sergei Lavrov", ActorKind.PERSON, Set.of("Russia"));
    static final Actor US = new Actor("United States", ActorKind.STATE, Set.of("US-led coalition"));
    static final Actor FRANCE = new Actor("France", ActorKind.STATE, Set.of("US-led coalition"));
    static final Actor IRAN = new Actor("Iran", ActorKind.STATE, Set.of());
    static final Actor REUTERS = new Actor("Reuters", ActorKind.MEDIA, Set.of());
    static final Actor AMNESTY = new Actor("Amnesty International", ActorKind.NGO, Set.of());

    private static final Instant START = Instant.parse("2015-09-30T10:00:00Z");

    private final List<Claim> claims = new ArrayList<>();
    private final List<Verdict> verdicts = new ArrayList<>();
    /** Evaluations are made as of the last assertion unless a test moves time. */
    private Instant now;

    long claim(Actor claimant) {
        return add(claimant, null, null, null);
    }

    long disputes(Actor claimant, long target) {
        return add(claimant, target, null, null);
    }

    long supports(Actor claimant, long target) {
        return add(claimant, null, target, null);
    }

    long retracts(Actor claimant, long target) {
        return add(claimant, null, null, target);
    }

    /** An analyst's verdict in force on {@code claimId}. */
    long verdict(long claimId, ClaimStatus status, String reason) {
        long id = verdicts.size() + 1;
        verdicts.add(new Verdict(id, claimId, status, "Ana Lyst", reason, now.plusSeconds(60)));
        return id;
    }

    /** Moves the evaluation instant forward. */
    void after(Duration elapsed) {
        now = now.plus(elapsed);
    }

    /** Asserts the next claim after a gap. */
    void gap(Duration elapsed) {
        gap = gap.plus(elapsed);
    }

    Instant now() {
        return now;
    }

    Map<Long, Assessment> evaluate() {
        return new PolicyEvaluator().evaluate(BASELINE, new FactSet(claims, verdicts, now));
    }

    List<Transition> timeline(long claimId) {
        return new PolicyEvaluator().timeline(BASELINE, claims, claimId, now);
    }

    private Duration gap = Duration.ZERO;

    private long add(Actor claimant, Long disputes, Long supports, Long retracts) {
        long id = claims.size() + 1;
        Instant assertedAt = START.plus(gap).plusSeconds(3600 * id);
        claims.add(new Claim(id, claimant, "Russian air strikes in Syria", assertedAt, disputes, supports, retracts));
        now = assertedAt;
        return id;
    }
}
