package io.claimtrack.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.QueryResultsRow;

import io.claimtrack.facts.Claim;
import io.claimtrack.facts.Flag;
import io.claimtrack.facts.FlagRaised;
import io.claimtrack.facts.Now;
import io.claimtrack.facts.Status;

/**
 * Runs a compiled ruleset over facts and reads its conclusions through the queries {@code "statuses"}
 * and {@code "flags"}, each run within the bounds of a {@link BoundedRun}. Plain Java, no state kept between calls.
 */
public final class PolicyEvaluator {

    /** Room for the derivations one claim needs, plus headroom; past it a ruleset is looping. */
    static final int FIRINGS_PER_FACT = 200;
    static final int BASE_FIRINGS = 10_000;

    /** Under the active ruleset's bounds ({@link BoundedRun#LIVE}). */
    public Map<Long, Assessment> evaluate(CompiledRuleset ruleset, FactSet facts) {
        return evaluate(BoundedRun.LIVE, ruleset, facts);
    }

    public Map<Long, Assessment> evaluate(BoundedRun bounds, CompiledRuleset ruleset, FactSet facts) {
        return bounds.run("Ruleset v" + ruleset.version(), run -> {
            KieSession session = run.open(ruleset);
            try {
                session.insert(new Now(facts.now()));
                facts.verdicts().forEach(session::insert);
                facts.claims().forEach(session::insert);
                fire(session, run, ruleset, facts.claims().size() + facts.verdicts().size());
                return conclusions(ruleset, facts.claims(), session);
            } finally {
                run.close(session);
            }
        });
    }

    /**
     * How {@code claimId}'s status and flags moved in event time as the claims were asserted one by one
     * and as time passed, up to {@code until}. Time moves a conclusion only where a rule compares an
     * instant with "now": the rules' {@link Now#isInLastDays} calls say which horizons they use, so the
     * timeline visits each claim's instant and each claim's instant plus each horizon, and nothing between.
     * Verdicts are not part of it: they are decisions in system time (see the history).
     */
    public List<Transition> timeline(CompiledRuleset ruleset, Collection<Claim> claims, long claimId, Instant until) {
        return timeline(BoundedRun.LIVE, ruleset, claims, claimId, until);
    }

    public List<Transition> timeline(BoundedRun bounds, CompiledRuleset ruleset, Collection<Claim> claims, long claimId,
                                     Instant until) {
        List<Claim> ordered = claims.stream().filter(c -> !c.getAssertedAt().isAfter(until))
                .sorted(Comparator.comparing(Claim::getAssertedAt).thenComparingLong(Claim::getId)).toList();
        if (ordered.isEmpty()) {
            return List.of();
        }
        return bounds.run("Ruleset v" + ruleset.version() + " (timeline of claim #" + claimId + ")", run -> {
            KieSession session = run.open(ruleset);
            try {
                return steps(session, run, ruleset, ordered, claimId, until);
            } finally {
                run.close(session);
            }
        });
    }

    private List<Transition> steps(KieSession session, BoundedRun.Run run, CompiledRuleset ruleset, List<Claim> ordered,
                                   long claimId, Instant until) {
        Set<Integer> horizons = ConcurrentHashMap.newKeySet(); // the rules' threads record into it
        FactHandle now = session.insert(new Now(ordered.get(0).getAssertedAt(), horizons));
        TreeSet<Instant> timePassing = new TreeSet<>();
        Set<Integer> scheduled = new HashSet<>();
        List<Claim> inserted = new ArrayList<>();
        List<Transition> transitions = new ArrayList<>();
        Assessment last = null;
        int next = 0;
        while (next < ordered.size() || !timePassing.isEmpty()) {
            Claim cause = null;
            Instant at;
            Instant nextClaim = next < ordered.size() ? ordered.get(next).getAssertedAt() : null;
            if (nextClaim != null && (timePassing.isEmpty() || !nextClaim.isAfter(timePassing.first()))) {
                cause = ordered.get(next++);
                at = cause.getAssertedAt();
                timePassing.remove(at);
                session.update(now, new Now(at, horizons));
                session.insert(cause);
                inserted.add(cause);
            } else {
                at = timePassing.pollFirst();
                session.update(now, new Now(at, horizons));
            }
            run.newStep();
            fire(session, run, ruleset, inserted.size());
            scheduleTimePassing(horizons, scheduled, inserted, cause, at, until, timePassing);
            if (last == null && (cause == null || cause.getId() != claimId)) {
                continue; // the claim is not asserted yet
            }
            // Only this claim's assessment is built at each step: building every claim's would make a long thread's
            // timeline quadratic in memory as well as in time.
            Claim target = cause != null && cause.getId() == claimId ? cause : targetOf(inserted, claimId);
            Assessment current = conclusions(ruleset, List.of(target), session).get(claimId);
            if (last == null || !current.keepsStanding(last.status(), last.flags().keySet())) {
                transitions.add(new Transition(at, cause, current));
            }
            last = current;
        }
        return transitions;
    }

    /**
     * The instants at which time alone may change something: each inserted claim's instant plus each
     * horizon the rules asked about so far, after {@code at} and up to {@code until}. A horizon seen for
     * the first time is scheduled for every claim inserted; a known one only for the new claim.
     */
    private static void scheduleTimePassing(Set<Integer> horizons, Set<Integer> scheduled, List<Claim> inserted,
                                            Claim cause, Instant at, Instant until, TreeSet<Instant> timePassing) {
        for (Integer days : horizons) {
            boolean fresh = scheduled.add(days);
            for (Claim claim : fresh ? inserted : cause == null ? List.<Claim>of() : List.of(cause)) {
                Instant passing = claim.getAssertedAt().plus(Duration.ofDays(days));
                if (passing.isAfter(at) && !passing.isAfter(until)) {
                    timePassing.add(passing);
                }
            }
        }
    }

    private static void fire(KieSession session, BoundedRun.Run run, CompiledRuleset ruleset, int facts) {
        long limit = BASE_FIRINGS + (long) FIRINGS_PER_FACT * facts;
        int fired = session.fireAllRules((int) Math.min(limit, Integer.MAX_VALUE));
        if (run.stopped()) {
            throw new RunawayRulesException("Ruleset v" + ruleset.version() + " was stopped");
        }
        if (fired >= limit) {
            throw new RuleEvaluationException("Ruleset v" + ruleset.version() + " was stopped after " + fired
                    + " rule firings for " + facts + " facts: it does not settle");
        }
    }

    private static Claim targetOf(List<Claim> inserted, long claimId) {
        for (Claim claim : inserted) {
            if (claim.getId() == claimId) {
                return claim;
            }
        }
        throw new IllegalStateException("claim #" + claimId + " is not in its own timeline");
    }

    private static Map<Long, Assessment> conclusions(CompiledRuleset ruleset, Collection<Claim> claims,
                                                     KieSession session) {
        Map<Long, Status> statuses = new HashMap<>();
        for (QueryResultsRow row : session.getQueryResults("statuses")) {
            Status status = (Status) row.get("$status");
            Status earlier = statuses.put(status.getClaim().getId(), status);
            if (earlier != null) {
                throw new RuleEvaluationException("Ruleset v" + ruleset.version() + " gave claim #"
                        + status.getClaim().getId() + " two statuses: " + earlier.getStatus() + " by \""
                        + earlier.getRule() + "\" and " + status.getStatus() + " by \"" + status.getRule() + "\"");
            }
        }
        Map<Long, TreeMap<Flag, Assessment.FlagReason>> flags = new HashMap<>();
        for (QueryResultsRow row : session.getQueryResults("flags")) {
            FlagRaised raised = (FlagRaised) row.get("$flag");
            var reason = new Assessment.FlagReason(raised.getRule(), raised.getExplanation());
            // Several matches may raise the same flag; keep one reason, the same whatever the firing order.
            flags.computeIfAbsent(raised.getClaim().getId(), id -> new TreeMap<>())
                    .merge(raised.getFlag(), reason, (a, b) -> a.explanation().compareTo(b.explanation()) <= 0 ? a : b);
        }
        Map<Long, Assessment> assessments = new HashMap<>();
        for (Claim claim : claims) {
            Status status = statuses.get(claim.getId());
            if (status == null) {
                throw new RuleEvaluationException("Ruleset v" + ruleset.version() + " gave claim #" + claim.getId()
                        + " no status");
            }
            assessments.put(claim.getId(), new Assessment(claim.getId(), status.getStatus(), status.getRule(),
                    status.getExplanation(), flags.getOrDefault(claim.getId(), new TreeMap<>())));
        }
        return assessments;
    }
}
