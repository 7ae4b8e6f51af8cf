package io.claimtrack.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

import io.claimtrack.facts.Flag;
import io.claimtrack.facts.FlagRaised;
import io.claimtrack.facts.Status;
import io.claimtrack.facts.SuggestedRating;

/**
 * A session's conclusions, kept by listening to what enters and leaves its working memory: every
 * {@link Status}, {@link FlagRaised} and {@link SuggestedRating} by claim, and which claims' conclusions moved since last asked.
 * A ruleset's conclusions are exactly these facts; reading them costs nothing per claim that did not move,
 * which is what lets a warm session answer for one new claim in a long thread without reading the thread.
 */
final class ConclusionsInMemory implements RuleRuntimeEventListener {

    static final int MAX_RULE_NAME = 500;
    static final int MAX_EXPLANATION = 20_000;
    private static final String CUT = "… (cut)";

    private final Map<Long, List<Status>> statuses = new HashMap<>();
    private final Map<Long, List<FlagRaised>> flags = new HashMap<>();
    private final Map<Long, List<SuggestedRating>> suggestions = new HashMap<>();
    private final Set<Long> moved = new HashSet<>();

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        add(event.getObject());
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        remove(event.getOldObject());
        add(event.getObject());
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        remove(event.getOldObject());
    }

    private void add(Object fact) {
        if (fact instanceof Status status) {
            statuses.computeIfAbsent(status.getClaim().getId(), id -> new ArrayList<>(1)).add(status);
            moved.add(status.getClaim().getId());
        } else if (fact instanceof FlagRaised flag) {
            flags.computeIfAbsent(flag.getClaim().getId(), id -> new ArrayList<>(1)).add(flag);
            moved.add(flag.getClaim().getId());
        } else if (fact instanceof SuggestedRating suggestion) {
            suggestions.computeIfAbsent(suggestion.getClaim().getId(), id -> new ArrayList<>(1)).add(suggestion);
            moved.add(suggestion.getClaim().getId());
        }
    }

    private void remove(Object fact) {
        if (fact instanceof Status status) {
            removeSame(statuses, status.getClaim().getId(), fact);
        } else if (fact instanceof FlagRaised flag) {
            removeSame(flags, flag.getClaim().getId(), fact);
        } else if (fact instanceof SuggestedRating suggestion) {
            removeSame(suggestions, suggestion.getClaim().getId(), fact);
        }
    }

    /** Removes this very object (not an equal one: two equal facts may be in memory, each counted). */
    private <T> void removeSame(Map<Long, List<T>> byClaim, long claimId, Object fact) {
        List<T> facts = byClaim.get(claimId);
        if (facts == null) {
            return;
        }
        for (int i = 0; i < facts.size(); i++) {
            if (facts.get(i) == fact) {
                facts.remove(i);
                break;
            }
        }
        if (facts.isEmpty()) {
            byClaim.remove(claimId);
        }
        moved.add(claimId);
    }

    /** The claims whose status or flags entered or left working memory since the last call; forgets them. */
    Set<Long> takeMoved() {
        Set<Long> taken = new HashSet<>(moved);
        moved.clear();
        return taken;
    }

    /** What the rules concluded about one claim: exactly one status, and its flags (one reason per flag). */
    Assessment assessment(CompiledRuleset ruleset, long claimId) {
        List<Status> found = statuses.getOrDefault(claimId, List.of());
        if (found.isEmpty()) {
            throw new RuleEvaluationException("Ruleset v" + ruleset.version() + " gave claim #" + claimId + " no status");
        }
        if (found.size() > 1) {
            Status first = found.get(0);
            Status second = found.get(1);
            throw new RuleEvaluationException("Ruleset v" + ruleset.version() + " gave claim #" + claimId
                    + " two statuses: " + first.getStatus() + " by \"" + first.getRule() + "\" and "
                    + second.getStatus() + " by \"" + second.getRule() + "\"");
        }
        Status status = found.get(0);
        TreeMap<Flag, Assessment.FlagReason> reasons = new TreeMap<>();
        for (FlagRaised raised : flags.getOrDefault(claimId, List.of())) {
            var reason = new Assessment.FlagReason(rule(raised.getRule()), explanation(raised.getExplanation()));
            // Several matches may raise the same flag; keep one reason, the same whatever the firing order.
            reasons.merge(raised.getFlag(), reason, (a, b) -> a.explanation().compareTo(b.explanation()) <= 0 ? a : b);
        }
        return new Assessment(claimId, status.getStatus(), rule(status.getRule()), explanation(status.getExplanation()),
                reasons, suggestion(claimId));
    }

    /**
     * A rule name as it can be kept: an analyst's rule may be named, or may explain itself, at any length,
     * and what is recorded must fit the store (500 and 20,000 characters), cut visibly rather than refused.
     */
    static String rule(String name) {
        return cut(name, MAX_RULE_NAME);
    }

    static String explanation(String text) {
        return cut(text, MAX_EXPLANATION);
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - CUT.length();
        return text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end) + CUT;
    }

    /** Several rules may suggest; the first by rule name, then rating, then reason, whatever the firing order. */
    private Assessment.Suggestion suggestion(long claimId) {
        return suggestions.getOrDefault(claimId, List.of()).stream()
                .map(s -> new Assessment.Suggestion(s.getRating(), rule(s.getRule()), explanation(s.getExplanation())))
                .min(Comparator.comparing(Assessment.Suggestion::rule).thenComparing(Assessment.Suggestion::rating)
                        .thenComparing(Assessment.Suggestion::explanation))
                .orElse(null);
    }
}
