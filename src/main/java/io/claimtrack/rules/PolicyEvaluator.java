package io.claimtrack.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * and {@code "flags"}. Plain Java, no state kept between calls.
 */
public final class PolicyEvaluator {

    /** Room for the derivations one claim needs, plus headroom; past it a ruleset is looping. */
    static final int FIRINGS_PER_FACT = 200;
    static final int BASE_FIRINGS = 10_000;

    public Map<Long, Assessment> evaluate(CompiledRuleset ruleset, FactSet facts) {
        KieSession session = ruleset.newSession();
        try {
            session.insert(new Now(facts.now()));
            facts.verdicts().forEach(session::insert);
            facts.claims().forEach(session::insert);
            fire(session, ruleset, facts.claims().size() + facts.verdicts().size());
            return conclusions(ruleset, facts.claims(), session);
        } finally {
            session.dispose();
        }
    }

    /**
     * How {@code claimId}'s status and flags moved in event time as the claims were asserted one by one
     * and as days passed, up to {@code until}. Time-driven changes are found at day resolution (00:00 UTC).
     * Verdicts are not part of it: they are decisions in system time (see the history).
     */
    public List<Transition> timeline(CompiledRuleset ruleset, Collection<Claim> claims, long claimId, Instant until) {
        List<Claim> ordered = claims.stream().filter(c -> !c.getAssertedAt().isAfter(until))
                .sorted(Comparator.comparing(Claim::getAssertedAt).thenComparingLong(Claim::getId)).toList();
        List<Transition> transitions = new ArrayList<>();
        if (ordered.isEmpty()) {
            return transitions;
        }
        KieSession session = ruleset.newSession();
        try {
            FactHandle now = session.insert(new Now(ordered.get(0).getAssertedAt()));
            List<Claim> inserted = new ArrayList<>();
            Instant nextDay = ordered.get(0).getAssertedAt().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
            Assessment last = null;
            int next = 0;
            while (next < ordered.size() || !nextDay.isAfter(until)) {
                Claim cause = null;
                Instant at;
                if (next < ordered.size() && !ordered.get(next).getAssertedAt().isAfter(nextDay)) {
                    cause = ordered.get(next++);
                    at = cause.getAssertedAt();
                    session.update(now, new Now(at));
                    session.insert(cause);
                    inserted.add(cause);
                } else {
                    at = nextDay;
                    nextDay = nextDay.plus(Duration.ofDays(1));
                    if (last == null) {
                        continue; // the claim is not asserted yet: days passing cannot move it
                    }
                    session.update(now, new Now(at));
                }
                fire(session, ruleset, inserted.size());
                if (last == null && (cause == null || cause.getId() != claimId)) {
                    continue;
                }
                Assessment current = conclusions(ruleset, inserted, session).get(claimId);
                if (last == null || changed(last, current)) {
                    transitions.add(new Transition(at, cause, current));
                }
                last = current;
            }
            return transitions;
        } finally {
            session.dispose();
        }
    }

    private static boolean changed(Assessment before, Assessment after) {
        return before.status() != after.status() || !before.flags().keySet().equals(after.flags().keySet());
    }

    private static void fire(KieSession session, CompiledRuleset ruleset, int facts) {
        long limit = BASE_FIRINGS + (long) FIRINGS_PER_FACT * facts;
        int fired = session.fireAllRules((int) Math.min(limit, Integer.MAX_VALUE));
        if (fired >= limit) {
            throw new RuleEvaluationException("Ruleset v" + ruleset.version() + " was stopped after " + fired
                    + " rule firings for " + facts + " facts: it does not settle");
        }
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
