package io.claimtrack.evidence;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import io.claimtrack.claim.ClaimEntity;
import io.claimtrack.claim.EvidenceItem;
import io.claimtrack.evaluation.ThreadEvaluation;
import io.claimtrack.facts.EvidenceKind;
import io.claimtrack.refusal.Conflict;
import io.claimtrack.refusal.FieldErrors;
import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.refusal.NotFound;

/**
 * Evidence on claims: added with who and when, removed with who, when and why (never erased). Evidence is
 * a fact to the rules, so each change re-evaluates the claim's thread under its lock.
 */
@ApplicationScoped
public class EvidenceService {

    /** As for claims (1900): an accessedAt earlier than any claim claimtrack takes is a typo. */
    static final Instant EARLIEST_ACCESS = Instant.parse("1900-01-01T00:00:00Z");

    private final ThreadEvaluation threads;
    private final StoredEvidence stored;
    private final Validator validator;
    private final Clock clock;

    public EvidenceService(ThreadEvaluation threads, StoredEvidence stored, Validator validator, Clock clock) {
        this.threads = threads;
        this.stored = stored;
        this.validator = validator;
        this.clock = clock;
    }

    /** Every piece of evidence on the claim, removed ones included (with who, when and why), oldest first. */
    @Transactional
    public List<EvidenceItem> onClaim(long claimId) {
        return stored.everOn(ClaimEntity.existing(claimId).id);
    }

    /** Adds evidence; {@code editor} says whether the caller may add to the desk's review. */
    @Transactional
    public EvidenceItem add(long claimId, NewEvidence request, String by, boolean editor) {
        if (request == null) {
            throw new InvalidInput("a JSON body is required: {url, archivedUrl, title, publisher, kind, accessedAt, note, forReview}");
        }
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw FieldErrors.invalid(FieldErrors.of(violations));
        }
        if (blank(request.url()) && blank(request.title())) {
            throw new InvalidInput("url", "give the source's URL, or at least its title");
        }
        boolean forReview = Boolean.TRUE.equals(request.forReview());
        if (forReview && !editor) {
            throw new InvalidInput("forReview", "only editors (the EDITOR role) add evidence to the desk's review");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (request.accessedAt() != null && request.accessedAt().isAfter(now)) {
            throw new InvalidInput("accessedAt", "is in the future (" + request.accessedAt() + ")");
        }
        if (request.accessedAt() != null && request.accessedAt().isBefore(EARLIEST_ACCESS)) {
            throw new InvalidInput("accessedAt", "is before " + EARLIEST_ACCESS + " (" + request.accessedAt()
                    + "): nobody accessed a source then");
        }
        ClaimEntity claim = ClaimEntity.existing(claimId);
        threads.lock(List.of(claim.threadId));
        EvidenceEntity evidence = new EvidenceEntity();
        evidence.claimId = claim.id;
        evidence.forReview = forReview;
        evidence.url = strip(request.url());
        evidence.archivedUrl = strip(request.archivedUrl());
        evidence.title = strip(request.title());
        evidence.publisher = strip(request.publisher());
        evidence.kind = request.kind() == null ? EvidenceKind.ARTICLE : request.kind();
        evidence.accessedAt = request.accessedAt() == null ? null : request.accessedAt().truncatedTo(ChronoUnit.MICROS);
        evidence.note = strip(request.note());
        evidence.addedBy = by;
        evidence.addedAt = now;
        evidence.persist();
        threads.changedOtherwise(claim.threadId);
        threads.reevaluateLocked(List.of(claim.threadId), "evidence #" + evidence.id + " added to claim #" + claim.id
                + " by " + by);
        return evidence.toItem(true);
    }

    /** Removes evidence: recorded, not erased. The one who added it or an editor may. */
    @Transactional
    public EvidenceItem remove(long claimId, long evidenceId, String reason, String by, boolean editor) {
        if (blank(reason)) {
            throw new InvalidInput("reason", "say why the evidence is removed (?reason=...)");
        }
        if (reason.length() > 2000) {
            throw new InvalidInput("reason", "must be at most 2000 characters");
        }
        ClaimEntity claim = ClaimEntity.existing(claimId);
        threads.lock(List.of(claim.threadId));
        EvidenceEntity evidence = EvidenceEntity.findById(evidenceId);
        if (evidence == null || !evidence.claimId.equals(claim.id)) {
            throw NotFound.of("evidence on claim #" + claimId, evidenceId);
        }
        if (evidence.removedAt != null) {
            throw new Conflict("evidenceId", "evidence #" + evidenceId + " was already removed by " + evidence.removedBy
                    + " at " + evidence.removedAt);
        }
        if (!editor && !by.equalsIgnoreCase(evidence.addedBy)) {
            throw new Conflict("evidenceId", "evidence #" + evidenceId + " was added by " + evidence.addedBy
                    + ": only they or an editor can remove it");
        }
        evidence.removedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        evidence.removedBy = by;
        evidence.removalReason = reason.strip();
        threads.changedOtherwise(claim.threadId);
        threads.reevaluateLocked(List.of(claim.threadId), "evidence #" + evidence.id + " removed from claim #" + claim.id
                + " by " + by);
        return evidence.toItem(true);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String strip(String value) {
        return blank(value) ? null : value.strip();
    }
}
