package io.claimtrack.status;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;

/**
 * One entry of a claim's history (system time): a change of its standing ({@code kind} STANDING: status,
 * flags, rule, explanation, ruleset, cause) or a step of the desk's review of it ({@code kind} REVIEW:
 * the step, who took it, the review's state and rating after it).
 */
public record HistoryEntry(Instant at, String kind, ClaimStatus status, ClaimStatus previousStatus, List<Flag> flags,
                           List<Flag> previousFlags, String rule, String explanation, Integer rulesetVersion,
                           String cause, @JsonInclude(JsonInclude.Include.NON_NULL) ReviewStep review) {

    public static final String STANDING = "STANDING";
    public static final String REVIEW = "REVIEW";

    static HistoryEntry of(StatusChangeEntity change) {
        return new HistoryEntry(change.at, STANDING, change.status, change.previousStatus, change.flagList(),
                change.previousFlagList(), change.rule, change.explanation, change.rulesetVersion, change.cause, null);
    }

    /** A step of the desk's review, as the history tells it; {@code cause} says it in words. */
    public static HistoryEntry of(Instant at, ReviewStep step, String cause) {
        return new HistoryEntry(at, REVIEW, null, null, null, null, null, null, null, cause, step);
    }

    /** What one step of a review did: the action, who, the state before and after, and the review after it. */
    public record ReviewStep(String action, String by, String fromState, String state, String assignee,
                             String rating, String summary, String url, String reason) {
    }
}
