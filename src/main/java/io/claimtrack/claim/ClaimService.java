package io.claimtrack.claim;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import io.claimtrack.evaluation.ThreadEvaluation;
import io.claimtrack.facts.Evidence;
import io.claimtrack.refusal.FieldError;
import io.claimtrack.refusal.FieldErrors;
import io.claimtrack.refusal.Refusal;
import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.refusal.Contradiction;
import io.claimtrack.refusal.Conflict;

/**
 * The one path for a submission: check it against what is stored, persist it, re-evaluate its
 * dispute thread under the active ruleset, record the conclusions. All in one transaction, so a
 * rejected claim leaves no trace and an accepted one is never seen without its statuses.
 */
@ApplicationScoped
public class ClaimService {

    private final ActorService actors;
    private final ThreadEvaluation threads;
    private final Validator validator;
    private final ClaimViews views;
    private final ClaimEvidence evidence;
    private final Clock clock;
    private final Event<ClaimRecorded> recorded;

    public ClaimService(ActorService actors, ThreadEvaluation threads, Validator validator, ClaimViews views,
                        ClaimEvidence evidence, Clock clock, Event<ClaimRecorded> recorded) {
        this.recorded = recorded;
        this.evidence = evidence;
        this.actors = actors;
        this.threads = threads;
        this.validator = validator;
        this.views = views;
        this.clock = clock;
    }

    /**
     * What is wrong with a new claim on its face (blank text, a field too long, a bad URL...), field by
     * field: the one check of a claim's own fields, for the API, the submit form and imports alike.
     */
    public List<FieldError> problems(NewClaim request) {
        return FieldErrors.of(validator.validate(request));
    }

    /** @return the claim as stored, with its status and its thread's, re-evaluated */
    @Transactional
    public ClaimView submit(NewClaim request, String by) {
        List<Duplicates.Possible> duplicates = possibleDuplicates(request);
        if (request.rejectsDuplicates() && !duplicates.isEmpty()) {
            throw new Conflict("text", "claims like this one are stored already ("
                    + duplicates.stream().map(d -> "#" + d.id() + " at " + Math.round(d.similarity() * 100) + " %")
                    .collect(Collectors.joining(", ")) + "); leave ifDuplicate out to store it anyway");
        }
        ClaimEntity claim = record(request, by);
        Relation relation = Relation.of(request);
        threads.reevaluateLocked(List.of(claim.threadId),
                "claim #" + claim.id + " submitted" + (relation == null ? "" : " (" + relation + ")"));
        return views.of(claim).withPossibleDuplicates(duplicates);
    }

    /** Stored claims that look like this one: by the same claimant (if registered), with most words in common. */
    private List<Duplicates.Possible> possibleDuplicates(NewClaim request) {
        if (request.text() == null || request.claimant() == null) {
            return List.of();
        }
        // Through the transaction's cache: record() asks for the same claimant right after, without a second query.
        return actors.known(request.claimant())
                .map(claimant -> Duplicates.of(request.text(), claimant)).orElse(List.of());
    }

    /**
     * Checks a claim against what is stored and persists it in the caller's transaction, locking the
     * thread it joins; the caller re-evaluates that thread (a bulk import does so once for many claims).
     * Every check comes before the first write, so a refused claim (an {@link Refusal}) has
     * written nothing and leaves the caller's transaction usable.
     */
    public ClaimEntity record(NewClaim request, String by) {
        List<FieldError> problems = problems(request);
        if (!problems.isEmpty()) {
            throw FieldErrors.invalid(problems);
        }
        Relation relation = Relation.of(request);
        Instant now = clock.instant();
        checkAssertedAt(request, now);
        ClaimEntity target = relation == null ? null : checkedTarget(relation, request, actors.known(request.claimant()));
        ActorEntity claimant = actors.claimant(request.claimant(), request.claimantKind(), request.claimantBlocs(), by);
        if (target != null) {
            threads.lock(List.of(target.threadId));
        }
        ClaimEntity claim = persist(request, claimant, target, now, by);
        if (target == null) {
            threads.opened(claim.threadId);
        }
        List<Evidence> cameWith = claim.source == null ? List.of() : List.of(evidence.submitted(claim, claim.source));
        threads.added(claim.threadId, claim.toFact(), cameWith);
        recorded.fire(new ClaimRecorded(claim.id, claim.text, claimant.name, claim.topic, claim.assertedAt,
                claim.disputesId, claim.supportsId, claim.retractsId, by));
        return claim;
    }

    private static void checkAssertedAt(NewClaim request, Instant now) {
        if (assertedAt(request).isAfter(now)) {
            throw new InvalidInput("assertedAt", "is in the future (" + request.assertedAt() + "; it is now "
                    + now + "): a claim is recorded once it has been made");
        }
        if (assertedAt(request).isBefore(EARLIEST)) {
            throw new InvalidInput("assertedAt", "is before " + EARLIEST + " (" + request.assertedAt()
                    + "): claimtrack records statements made since 1900");
        }
    }

    /** The stored claim this one points at, checked: it exists, came earlier, and only its claimant retracts it. */
    private static ClaimEntity checkedTarget(Relation relation, NewClaim request, Optional<ActorEntity> claimant) {
        ClaimEntity target = target(relation, request);
        if (relation.kind() == Relation.Kind.RETRACTS
                && !claimant.map(actor -> actor.id.equals(target.claimant.id)).orElse(false)) {
            throw new Contradiction("retracts", "only " + target.claimant.name + ", who made claim #"
                    + target.id + ", can retract it; " + request.claimant().strip() + " can dispute it instead");
        }
        return target;
    }

    /** Writes the claim, in the thread of its target or opening its own. */
    private static ClaimEntity persist(NewClaim request, ActorEntity claimant, ClaimEntity target, Instant now, String by) {
        ClaimEntity claim = new ClaimEntity();
        claim.text = request.text().strip();
        claim.claimant = claimant;
        claim.topic = blankToNull(request.topic());
        claim.assertedAt = assertedAt(request);
        claim.recordedAt = now;
        claim.recordedBy = by;
        claim.source = source(request.source());
        claim.quote = blankToNull(request.quote());
        claim.disputesId = request.disputes();
        claim.supportsId = request.supports();
        claim.retractsId = request.retracts();
        claim.persist();
        claim.threadId = target == null ? claim.id : target.threadId;
        return claim;
    }

    private static ClaimEntity target(Relation relation, NewClaim request) {
        ClaimEntity target = ClaimEntity.findById(relation.targetId());
        String field = relation.kind().field();
        if (target == null) {
            throw new Contradiction(field, "claim #" + relation.targetId() + " does not exist");
        }
        if (assertedAt(request).isBefore(target.assertedAt)) {
            throw new Contradiction("assertedAt", "a claim cannot be asserted (" + assertedAt(request)
                    + ") before the claim #" + target.id + " it " + field + " (" + target.assertedAt + ")");
        }
        return target;
    }

    /** The earliest instant a claim may be asserted at: older dates are typos (or attempts to make time-stepping reads slow). */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    /** The database keeps microseconds: compare and store at that precision. */
    private static Instant assertedAt(NewClaim request) {
        return request.assertedAt().truncatedTo(ChronoUnit.MICROS);
    }

    private static Source source(NewClaim.SourceInput input) {
        if (input == null || (input.url() == null && input.title() == null && input.publisher() == null)) {
            return null;
        }
        Source source = new Source();
        source.url = blankToNull(input.url());
        source.title = blankToNull(input.title());
        source.publisher = blankToNull(input.publisher());
        return source;
    }

    /** Optional text as stored: stripped, and null when there is none. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
