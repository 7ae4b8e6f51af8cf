package io.claimtrack.claim;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import io.claimtrack.evaluation.ThreadEvaluation;
import io.claimtrack.refusal.Conflict;
import io.claimtrack.refusal.Contradiction;
import io.claimtrack.refusal.FieldErrors;
import io.claimtrack.refusal.InvalidInput;

/**
 * Corrections of stored claims: text, topic, assertedAt, claimant and relation, with a reason. The version a
 * correction replaces is kept (as known from then until the correction), the threads it touches are re-evaluated,
 * and the history tells it. Every check comes before the first write, in one transaction.
 */
@ApplicationScoped
public class ClaimCorrections {

    private final ActorService actors;
    private final ThreadEvaluation threads;
    private final Validator validator;
    private final ClaimViews views;
    private final Clock clock;

    public ClaimCorrections(ActorService actors, ThreadEvaluation threads, Validator validator, ClaimViews views,
                            Clock clock) {
        this.actors = actors;
        this.threads = threads;
        this.validator = validator;
        this.views = views;
        this.clock = clock;
    }

    /**
     * Corrects a claim. The one who recorded it or an editor may. A new relation moves the claim, with every
     * claim that answers it, to its new target's thread (or to a thread of its own when it stands alone).
     */
    @Transactional
    public ClaimView correct(long id, ClaimCorrection request, String by, boolean editor) {
        FieldErrors.requireValid(validator, request, "{text, topic, assertedAt, claimant, disputes | supports"
                + " | retracts | standsAlone, reason}");
        ClaimEntity claim = ClaimEntity.existing(id);
        if (!editor && !by.equalsIgnoreCase(claim.recordedBy)) {
            throw new Conflict("claim", "claim #" + id + " was recorded by " + claim.recordedBy
                    + ": only they or an editor can correct it");
        }
        Relation relation = request.correctsRelation() ? request.relation() : claim.relation();
        ClaimEntity target = relation == null ? null : existingTarget(relation);
        ThreadMoves.lockThreadsOf(threads, java.util.Arrays.asList(claim, target),
                relation == null ? List.of(claim.id) : List.of());
        if (claim.mergedInto != null) { // read again under the lock: a merge may have come first
            throw new Contradiction("claim", "claim #" + id + " was merged into claim #" + claim.mergedInto
                    + ": correct that one");
        }
        Corrected corrected = corrected(claim, request, relation);
        List<ClaimEntity> moving = ThreadMoves.subtree(claim);
        checkRelation(claim, relation, target, moving);
        checkOrder(claim, corrected.assertedAt, relation, target);
        checkRetractions(claim, corrected.claimant, relation, target);

        String reason = request.reason().strip();
        ClaimVersionEntity.keep(claim, corrected.fields, by, reason, now());
        long from = claim.threadId;
        long to = target == null ? claim.id : target.threadId;
        claim.text = corrected.text;
        claim.topic = corrected.topic;
        claim.assertedAt = corrected.assertedAt;
        claim.claimant = corrected.claimant;
        claim.pointAt(relation);
        if (from != to) {
            ThreadMoves.move(moving, to);
        }
        List<Long> touched = from == to ? List.of(from) : List.of(from, to);
        touched.forEach(threads::changedOtherwise);
        threads.reevaluateLocked(touched, "claim #" + claim.id + " corrected by " + by + " ("
                + String.join(", ", corrected.fields) + "): " + reason);
        return views.of(claim);
    }

    /** The claim's fields after the correction, and which of them it changes. */
    private record Corrected(String text, String topic, Instant assertedAt, ActorEntity claimant, List<String> fields) {
    }

    private Corrected corrected(ClaimEntity claim, ClaimCorrection request, Relation relation) {
        List<String> fields = new ArrayList<>();
        String text = request.text() == null ? claim.text : request.text().strip();
        if (text.isEmpty()) {
            throw new InvalidInput("text", "must not be blank");
        }
        if (!text.equals(claim.text)) {
            fields.add("text");
        }
        String topic = request.topic() == null ? claim.topic : ClaimService.blankToNull(request.topic());
        if (!Objects.equals(topic, claim.topic)) {
            fields.add("topic");
        }
        Instant assertedAt = request.assertedAt() == null ? claim.assertedAt
                : request.assertedAt().truncatedTo(ChronoUnit.MICROS);
        if (!assertedAt.equals(claim.assertedAt)) {
            fields.add("assertedAt");
        }
        ActorEntity claimant = request.claimant() == null ? claim.claimant : actors.claimant(request.claimant());
        if (!claimant.id.equals(claim.claimant.id)) {
            fields.add("claimant");
        }
        if (!Objects.equals(relation, claim.relation())) {
            fields.add("relation");
        }
        if (fields.isEmpty()) {
            throw new InvalidInput("reason", "a correction changes the text, topic, assertedAt, claimant or relation;"
                    + " this one changes none of them");
        }
        return new Corrected(text, topic, assertedAt, claimant, fields);
    }

    private static ClaimEntity existingTarget(Relation relation) {
        ClaimEntity target = ClaimEntity.findById(relation.targetId());
        if (target == null) {
            throw new Contradiction(relation.kind().field(), "claim #" + relation.targetId() + " does not exist");
        }
        return target;
    }

    /** A claim answers a live claim other than itself and outside what answers it: a thread is a tree. */
    private static void checkRelation(ClaimEntity claim, Relation relation, ClaimEntity target, List<ClaimEntity> moving) {
        if (relation == null || relation.equals(claim.relation())) {
            return;
        }
        String field = relation.kind().field();
        if (target.mergedInto != null) {
            throw new Contradiction(field, "claim #" + target.id + " was merged into claim #" + target.mergedInto
                    + ": point at that one");
        }
        if (target.id.equals(claim.id)) {
            throw new Contradiction(field, "a claim cannot answer itself");
        }
        if (moving.stream().anyMatch(answer -> answer.id.equals(target.id))) {
            throw new Contradiction(field, "claim #" + target.id + " answers claim #" + claim.id + " (directly or"
                    + " through other claims): pointing at it would make a circle");
        }
    }

    /** A claim is never asserted before what it answers, nor after what answers it, nor in the future. */
    private void checkOrder(ClaimEntity claim, Instant assertedAt, Relation relation, ClaimEntity target) {
        if (assertedAt.isAfter(now())) {
            throw new InvalidInput("assertedAt", "is in the future (" + assertedAt + ")");
        }
        if (assertedAt.isBefore(ClaimService.EARLIEST)) {
            throw new InvalidInput("assertedAt", "is before " + ClaimService.EARLIEST + " (" + assertedAt + ")");
        }
        if (target != null && assertedAt.isBefore(target.assertedAt)) {
            throw new Contradiction("assertedAt", "claim #" + claim.id + " " + relation.kind().field() + " claim #"
                    + target.id + ", asserted " + target.assertedAt + ": it cannot be asserted before it (" + assertedAt + ")");
        }
        for (ClaimEntity reply : ClaimEntity.repliesTo(claim.id)) {
            if (assertedAt.isAfter(reply.assertedAt)) {
                throw new Contradiction("assertedAt", "claim #" + reply.id + " answers this claim and was asserted "
                        + reply.assertedAt + ": the claim cannot be asserted after it (" + assertedAt + ")");
            }
        }
    }

    /** Only a claim's own claimant retracts it: the corrected claim keeps every retraction it is part of true. */
    private static void checkRetractions(ClaimEntity claim, ActorEntity claimant, Relation relation, ClaimEntity target) {
        if (relation != null && relation.kind() == Relation.Kind.RETRACTS && !target.claimant.id.equals(claimant.id)) {
            throw new Contradiction(relation.kind().field(), "claim #" + claim.id + " by " + claimant.name
                    + " cannot retract claim #" + target.id + " by " + target.claimant.name
                    + ": only its own claimant can retract it");
        }
        for (ClaimEntity reply : ClaimEntity.repliesTo(claim.id)) {
            if (claim.id.equals(reply.retractsId) && !reply.claimant.id.equals(claimant.id)) {
                throw new Contradiction("claimant", "claim #" + reply.id + " by " + reply.claimant.name
                        + " retracts this claim: its claimant must stay " + reply.claimant.name);
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
