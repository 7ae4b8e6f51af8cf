package io.claimtrack.rules;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.QueryResultsRow;

import io.claimtrack.facts.Claim;
import io.claimtrack.facts.Flag;
import io.claimtrack.facts.FlagRaised;
import io.claimtrack.facts.Status;

/**
 * Runs a compiled ruleset over a set of claims (one dispute thread, or more) and reads its
 * conclusions through the queries {@code "statuses"} and {@code "flags"}. Plain Java; no state kept.
 */
public final class PolicyEvaluator {

    /** Room for the derivations one claim needs, plus headroom; past it a ruleset is looping. */
    static final int FIRINGS_PER_CLAIM = 200;
    static final int BASE_FIRINGS = 10_000;

    public Map<Long, Assessment> evaluate(CompiledRuleset ruleset, Collection<Claim> claims) {
        KieSession session = ruleset.kieBase().newKieSession();
        try {
            claims.forEach(session::insert);
            long limit = BASE_FIRINGS + (long) FIRINGS_PER_CLAIM * claims.size();
            int fired = session.fireAllRules((int) Math.min(limit, Integer.MAX_VALUE));
            if (fired >= limit) {
                throw new RuleEvaluationException("Ruleset v" + ruleset.version() + " was stopped after " + fired
                        + " rule firings for " + claims.size() + " claims: it does not settle");
            }
            return conclusions(ruleset, claims, session);
        } finally {
            session.dispose();
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
