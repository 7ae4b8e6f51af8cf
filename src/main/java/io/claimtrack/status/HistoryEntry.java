package io.claimtrack.status;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;

/**
 * One entry of a claim's history (system time): a change of its standing ({@code kind} STANDING: status,
 * flags, rule, explanation, ruleset, cause) or a step of the desk's review of it ({@code kind} REVIEW:
 * the step, who took it, the review's state and rating after it) or a change of its evidence ({@code kind}
 * EVIDENCE: added or removed, by whom, which source) or a correction of the claim itself ({@code kind}
 * CORRECTION: by whom, which fields, why).
 */
public record HistoryEntry(Instant at, String kind, ClaimStatus status, ClaimStatus previousStatus, List<Flag> flags,
                           List<Flag> previousFlags, String rule, String explanation, Integer rulesetVersion,
                           String cause, @JsonInclude(JsonInclude.Include.NON_NULL) ReviewStep review,
                           @JsonInclude(JsonInclude.Include.NON_NULL) EvidenceChange evidence,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Correction correction) {

    public static final String STANDING = "STANDING";
    public static final String REVIEW = "REVIEW";
    public static final String EVIDENCE = "EVIDENCE";
    public static final String CORRECTION = "CORRECTION";

    static HistoryEntry of(StatusChangeEntity change) {
        return new HistoryEntry(change.at, STANDING, change.status, change.previousStatus, change.flagList(),
                change.previousFlagList(), change.rule, change.explanation, change.rulesetVersion, change.cause, null, null, null);
    }

    /** A step of the desk's review, as the history tells it; {@code cause} says it in words. */
    public static HistoryEntry of(Instant at, ReviewStep step, String cause) {
        return new HistoryEntry(at, REVIEW, null, null, null, null, null, null, null, cause, step, null, null);
    }

    /** Evidence added or removed, as the history tells it; {@code cause} says it in words. */
    public static HistoryEntry of(Instant at, EvidenceChange change, String cause) {
        return new HistoryEntry(at, EVIDENCE, null, null, null, null, null, null, null, cause, null, change, null);
    }

    /** A correction of the claim itself, as the history tells it; {@code cause} says it in words. */
    public static HistoryEntry of(Instant at, Correction correction, String cause) {
        return new HistoryEntry(at, CORRECTION, null, null, null, null, null, null, null, cause, null, null, correction);
    }

    /** A correction: who made it, which fields it changed, and why (the earlier version: {@code ?knownAt=}). */
    public record Correction(String by, List<String> fields, String reason) {
    }

    /** Evidence added or removed: the action, who, which piece (its id, URL and publisher), and why when removed. */
    public record EvidenceChange(String action, String by, long evidenceId, String url, String publisher, String reason) {
    }

    /** What one step of a review did: the action, who, the state before and after, and the review after it. */
    public record ReviewStep(String action, String by, String fromState, String state, String assignee,
                             String rating, String summary, String url, String reason) {
    }
}
