package io.claimtrack.claim;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import io.claimtrack.evaluation.ThreadEvaluation;
import io.claimtrack.evaluation.VerdictsInForce;
import io.claimtrack.facts.ReviewState;
import io.claimtrack.facts.Verdict;
import io.claimtrack.refusal.Conflict;
import io.claimtrack.refusal.Contradiction;
import io.claimtrack.refusal.FieldErrors;
import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.status.ClaimStatusEntity;

/**
 * Merging a duplicate into the claim the desk keeps: the claims answering the duplicate answer the kept one
 * instead (each keeps its earlier version, as a correction does), its evidence is carried over, and it leaves
 * every thread, list and count, readable as a redirect and as it was known before. One transaction; both threads
 * re-evaluated.
 */
@ApplicationScoped
public class ClaimMerges {

    private final ThreadEvaluation threads;
    private final ClaimViews views;
    private final ClaimEvidence evidence;
    private final DeskReviews reviews;
    private final VerdictsInForce verdicts;
    private final Validator validator;
    private final Clock clock;

    public ClaimMerges(ThreadEvaluation threads, ClaimViews views, ClaimEvidence evidence, DeskReviews reviews,
                       VerdictsInForce verdicts, Validator validator, Clock clock) {
        this.threads = threads;
        this.views = views;
        this.evidence = evidence;
        this.reviews = reviews;
        this.verdicts = verdicts;
        this.validator = validator;
        this.clock = clock;
    }

    /** Merges claim {@code id} into {@code request.into()}. @return the kept claim, re-evaluated */
    @Transactional
    public ClaimView merge(long id, ClaimMerge request, String by) {
        FieldErrors.requireValid(validator, request, "{into, reason}");
        ClaimEntity duplicate = ClaimEntity.existing(id);
        if (request.into() == id) {
            throw new InvalidInput("into", "a claim cannot be merged into itself");
        }
        ClaimEntity kept = ClaimEntity.findById(request.into());
        if (kept == null) {
            throw new Contradiction("into", "claim #" + request.into() + " does not exist");
        }
        // Checked once both threads are held and both claims read again: two merges at once must not both pass.
        ThreadMoves.lockThreadsOf(threads, List.of(duplicate, kept), List.of());
        if (duplicate.mergedInto != null) {
            throw new Contradiction("claim", "claim #" + id + " was merged into claim #" + duplicate.mergedInto
                    + " already");
        }
        if (kept.mergedInto != null) {
            throw new Contradiction("into", "claim #" + kept.id + " was merged into claim #" + kept.mergedInto
                    + ": merge into that one");
        }
        List<ClaimEntity> answers = ClaimEntity.repliesTo(duplicate.id);
        checkDuplicate(duplicate, kept, answers);
        checkNothingIsLost(duplicate);

        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String reason = request.reason().strip();
        String cause = "claim #" + duplicate.id + " merged into claim #" + kept.id + " by " + by + ": " + reason;
        List<ClaimEntity> moving = new ArrayList<>();
        for (ClaimEntity answer : answers) {
            moving.addAll(ThreadMoves.subtree(answer));
            ClaimVersionEntity.keep(answer, List.of("relation"), by, cause, now);
            answer.pointAt(new Relation(answer.relation().kind(), kept.id));
        }
        ThreadMoves.move(moving, kept.threadId);
        duplicate.mergedInto = kept.id;
        duplicate.mergedAt = now;
        duplicate.mergedBy = by;
        duplicate.mergeReason = reason;
        ClaimStatusEntity standing = ClaimStatusEntity.findById(duplicate.id);
        if (standing != null) {
            standing.delete(); // its recorded history stays; it no longer stands as a claim of its own
        }
        evidence.carryOver(duplicate.id, kept.id, by, now);
        Set<Long> touched = new TreeSet<>(List.of(duplicate.threadId, kept.threadId));
        touched.forEach(threads::changedOtherwise);
        threads.reevaluateLocked(touched, cause);
        return views.of(kept);
    }

    /**
     * A duplicate is the same claimant saying the same thing: another claimant saying it supports it, and a claim
     * answering the other (or answered by it before the kept one was asserted) is not its duplicate.
     */
    private static void checkDuplicate(ClaimEntity duplicate, ClaimEntity kept, List<ClaimEntity> answers) {
        if (!kept.claimant.id.equals(duplicate.claimant.id)) {
            throw new Contradiction("into", "claim #" + kept.id + " is " + kept.claimant.name + "'s, claim #"
                    + duplicate.id + " is " + duplicate.claimant.name + "'s: a duplicate is the same claimant saying"
                    + " the same thing (another claimant saying it supports it: correct its relation instead)");
        }
        if (ThreadMoves.subtree(duplicate).stream().anyMatch(claim -> claim.id.equals(kept.id))) {
            throw new Contradiction("into", "claim #" + kept.id + " answers claim #" + duplicate.id
                    + " (directly or through other claims): they are not duplicates");
        }
        if (kept.id.equals(duplicate.disputesId) || kept.id.equals(duplicate.retractsId)) {
            throw new Contradiction("into", "claim #" + duplicate.id + " " + duplicate.relation().kind().field()
                    + " claim #" + kept.id + ": they are not duplicates");
        }
        for (ClaimEntity answer : answers) {
            if (answer.assertedAt.isBefore(kept.assertedAt)) {
                throw new Contradiction("into", "claim #" + answer.id + " answers claim #" + duplicate.id + " and was"
                        + " asserted " + answer.assertedAt + ", before claim #" + kept.id + " (" + kept.assertedAt
                        + "): merge the other way round, keeping the earlier claim");
            }
        }
    }

    /** The desk's review and analysts' verdicts are work on the duplicate that a merge must not drop silently. */
    private void checkNothingIsLost(ClaimEntity duplicate) {
        ReviewSummary review = reviews.summaries(List.of(duplicate.id), null).getOrDefault(duplicate.id, ReviewSummary.NONE);
        if (review.state() != ReviewState.UNASSIGNED) {
            throw new Conflict("claim", "claim #" + duplicate.id + " has a review (" + review.state() + "): merge the"
                    + " other way round, keeping it, so the desk's work stays with the claim it is about");
        }
        List<Verdict> inForce = verdicts.on(List.of(duplicate.id), clock.instant());
        if (!inForce.isEmpty()) {
            throw new Conflict("claim", "analysts' verdicts are in force on claim #" + duplicate.id + " ("
                    + inForce.stream().map(v -> String.valueOf(v.getStatus())).distinct().toList() + "): withdraw them,"
                    + " or merge the other way round");
        }
    }
}
