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
 * CORRECTION: by whom, which fields, why) or a merge of a duplicate ({@code kind} MERGE: which claim was merged
 * into which, by whom, why; in the history of both).
 */
public record HistoryEntry(Instant at, String kind, ClaimStatus status, ClaimStatus previousStatus, List<Flag> flags,
                           List<Flag> previousFlags, String rule, String explanation, Integer rulesetVersion,
                           String cause, @JsonInclude(JsonInclude.Include.NON_NULL) ReviewStep review,
                           @JsonInclude(JsonInclude.Include.NON_NULL) EvidenceChange evidence,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Correction correction,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Merge merge) {

    public static final String STANDING = "STANDING";
    public static final String REVIEW = "REVIEW";
    public static final String EVIDENCE = "EVIDENCE";
    public static final String CORRECTION = "CORRECTION";
    public static final String MERGE = "MERGE";

    static HistoryEntry of(StatusChangeEntity change) {
        return new HistoryEntry(change.at, STANDING, change.status, change.previousStatus, change.flagList(),
                change.previousFlagList(), change.rule, change.explanation, change.rulesetVersion, change.cause, null, null, null, null);
    }

    /** A step of the desk's review, as the history tells it; {@code cause} says it in words. */
    public static HistoryEntry of(Instant at, ReviewStep step, String cause) {
        return new HistoryEntry(at, REVIEW, null, null, null, null, null, null, null, cause, step, null, null, null);
    }

    /** Evidence added or removed, as the history tells it; {@code cause} says it in words. */
    public static HistoryEntry of(Instant at, EvidenceChange change, String cause) {
        return new HistoryEntry(at, EVIDENCE, null, null, null, null, null, null, null, cause, null, change, null, null);
    }

    /** A correction of the claim itself, as the history tells it; {@code cause} says it in words. */
    public static HistoryEntry of(Instant at, Correction correction, String cause) {
        return new HistoryEntry(at, CORRECTION, null, null, null, null, null, null, null, cause, null, null, correction, null);
    }

    /** A merge of a duplicate, as the history tells it; {@code cause} says it in words. */
    public static HistoryEntry of(Instant at, Merge merge, String cause) {
        return new HistoryEntry(at, MERGE, null, null, null, null, null, null, null, cause, null, null, null, merge);
    }

    /** A merge: which claim was merged into which, by whom and why. */
    public record Merge(String by, long merged, long into, String reason) {
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
