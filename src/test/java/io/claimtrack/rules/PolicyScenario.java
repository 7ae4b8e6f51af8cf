package io.claimtrack.rules;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.claimtrack.facts.Actor;
import io.claimtrack.facts.ActorKind;
import io.claimtrack.facts.Claim;

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

    Map<Long, Assessment> evaluate() {
        return new PolicyEvaluator().evaluate(BASELINE, claims);
    }

    private long add(Actor claimant, Long disputes, Long supports, Long retracts) {
        long id = claims.size() + 1;
        claims.add(new Claim(id, claimant, "Russian air strikes in Syria", START.plusSeconds(3600 * id),
                disputes, supports, retracts));
        return id;
    }
}
