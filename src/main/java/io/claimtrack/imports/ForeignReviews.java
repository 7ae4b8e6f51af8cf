package io.claimtrack.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import io.claimtrack.claim.ActorEntity;
import io.claimtrack.claim.ClaimEntity;
import io.claimtrack.claim.ClaimService;
import io.claimtrack.claim.Duplicates;
import io.claimtrack.claim.NewClaim;
import io.claimtrack.claim.Relation;
import io.claimtrack.evidence.EvidenceEntity;
import io.claimtrack.evidence.EvidenceService;
import io.claimtrack.evidence.NewEvidence;
import io.claimtrack.facts.ActorKind;
import io.claimtrack.facts.EvidenceKind;
import io.claimtrack.refusal.FieldError;
import io.claimtrack.refusal.FieldErrors;
import io.claimtrack.refusal.Refusal;

/**
 * Stores another fact-checker's review as what it is in the desk's model: the claim reviewed (the stored one the
 * duplicate detection finds for its claimant, else a new one, with where it appeared as its evidence), and the
 * publisher, a MEDIA actor, disputing or supporting it by the desk's {@link RatingMapping}. Everything is checked
 * before the first write, in the job's chunk transaction, so a review refused leaves nothing behind.
 */
@ApplicationScoped
public class ForeignReviews {

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    private final ClaimService claims;
    private final EvidenceService evidence;
    private final RatingMapping ratings;
    private final Validator validator;
    private final java.time.Clock clock;

    public ForeignReviews(ClaimService claims, EvidenceService evidence, RatingMapping ratings, Validator validator,
                          java.time.Clock clock) {
        this.claims = claims;
        this.evidence = evidence;
        this.ratings = ratings;
        this.validator = validator;
        this.clock = clock;
    }

    /** @return the thread the review was stored in, or null with what is wrong in {@code errors} */
    Long store(ForeignReview review, String by, List<FieldError> errors) {
        if (review.problem() != null) {
            errors.add(new FieldError(review.at(), review.problem()));
            return null;
        }
        ForeignReview.Shape shape = review.shape() == null ? ForeignReview.Shape.SCHEMA_ORG : review.shape();
        require(review.claimReviewed(), review.claimField(shape.claimReviewed), "the claim reviewed", errors);
        require(review.claimant(), review.claimField(shape.claimant), "who made the claim: claimtrack records the"
                + " claimant of every claim", errors);
        require(review.publisher(), review.reviewField(shape.publisher), "who published the review", errors);
        require(review.url(), review.reviewField(shape.url), "the review's address", errors);
        Relation.Kind relation = relation(review, shape, errors);
        When reviewed = when(review.reviewDate(), review.reviewField(shape.reviewDate), true, errors);
        When claimed = when(review.claimDate(), review.claimField(shape.claimDate), false, errors);
        if (!errors.isEmpty()) {
            return null;
        }

        Optional<ActorEntity> claimant = ActorEntity.findByName(review.claimant());
        ClaimEntity target = claimant.flatMap(actor -> Duplicates.closest(review.claimReviewed(), actor)).orElse(null);
        Instant claimAt = target != null ? target.assertedAt : (claimed != null ? claimed : reviewed).at;
        Instant reviewAt = reviewed.notBefore(claimAt);
        if (reviewAt.isBefore(claimAt)) {
            errors.add(new FieldError(review.reviewField(shape.reviewDate), "is before the claim it reviews was made ("
                    + claimAt + (target == null ? "" : ", claim #" + target.id) + ")"));
        }
        if (target != null) {
            alreadyImported(review, shape, target).ifPresent(errors::add);
        }

        // Both claims and every piece of evidence checked as wholes before anything is written.
        boolean publisherKnown = ActorEntity.findByName(review.publisher()).isPresent();
        boolean sameActor = ActorEntity.keyOf(review.publisher()).equals(ActorEntity.keyOf(review.claimant()));
        ActorKind claimantKind = claimant.isPresent() ? null : "Person".equals(review.claimantType())
                ? ActorKind.PERSON : ActorKind.OTHER;
        List<String> appearances = review.appearancesOrEmpty();
        NewClaim claim = target != null ? null : new NewClaim(review.claimReviewed().strip(), review.claimant().strip(),
                claimantKind, null, null, claimAt, appearances.isEmpty() ? null
                : new NewClaim.SourceInput(appearances.get(0), null, null), null, null, null, null, null);
        List<String> moreAppearances = target == null && !appearances.isEmpty()
                ? appearances.subList(1, appearances.size()) : appearances;
        List<NewEvidence> appeared = new ArrayList<>();
        for (String url : moreAppearances) {
            if (target == null || EvidenceEntity.count("claimId = ?1 and url = ?2 and removedAt is null", target.id, url) == 0) {
                appeared.add(new NewEvidence(url, null, null, null, EvidenceKind.ARTICLE, null,
                        "where the claim appeared, as " + review.publisher().strip() + "'s review gives it", false));
            }
        }
        if (claim != null) {
            errors.addAll(within(claims.problems(claim), review, Map.of("text", review.claimField(shape.claimReviewed),
                    "claimant", review.claimField(shape.claimant), "source.url", review.claimField(String.valueOf(shape.appearance)))));
        }
        for (NewEvidence each : appeared) {
            errors.addAll(within(FieldErrors.of(validator.validate(each)), review,
                    Map.of("url", review.claimField(String.valueOf(shape.appearance)))));
        }
        ActorKind publisherKind = publisherKnown ? null : sameActor ? claimantKind : ActorKind.MEDIA;
        String explanation = review.explanation() == null || review.explanation().isBlank() ? "" : ": " + review.explanation().strip();
        NewClaim.SourceInput source = new NewClaim.SourceInput(review.url().strip(), title(review.title()), review.publisher().strip());
        NewClaim verdict = new NewClaim("Rates " + quoted(review.claimReviewed()) + " as " + ratingWords(review) + explanation,
                review.publisher().strip(),
                publisherKind, null, target == null ? null : target.topic, reviewAt, source, null,
                null, null, null, null); // its target is set once the claim it reviews is stored
        errors.addAll(within(claims.problems(verdict), review, Map.of("text", review.reviewField("reviewRating.ratingExplanation"),
                "claimant", review.reviewField(shape.publisher), "source.url", review.reviewField(shape.url),
                "source.title", review.reviewField("name"), "source.publisher", review.reviewField(shape.publisher))));
        if (!errors.isEmpty()) {
            return null;
        }

        try {
            if (target == null) {
                target = claims.record(claim, by);
            }
            for (NewEvidence each : appeared) {
                evidence.add(target.id, each, by, false);
            }
            claims.record(pointedAt(verdict, relation, target.id), by);
        } catch (Refusal refused) {
            // Every check above should have caught it; a refusal after a write must not leave that write behind:
            // failing the chunk has the job retry it line by line, and this review is then rejected as a whole.
            throw new IllegalStateException("review " + review.at() + " was refused after a write: " + refused.getMessage(), refused);
        }
        return target.threadId;
    }

    /** The review claim, now pointing at its target's id. */
    private static NewClaim pointedAt(NewClaim verdict, Relation.Kind relation, long targetId) {
        return new NewClaim(verdict.text(), verdict.claimant(), verdict.claimantKind(), null, verdict.topic(),
                verdict.assertedAt(), verdict.source(), null, relation == Relation.Kind.DISPUTES ? targetId : null,
                relation == Relation.Kind.SUPPORTS ? targetId : null, null, null);
    }

    /** The same publisher's review at the same address, already stored against this claim. */
    private static Optional<FieldError> alreadyImported(ForeignReview review, ForeignReview.Shape shape, ClaimEntity target) {
        return ClaimEntity.answerFromSource(review.url().strip(), target.id)
                .map(stored -> new FieldError(review.reviewField(shape.url), "already imported: claim #" + stored.id
                        + " is " + stored.claimant.name + "'s review at this address of claim #" + target.id));
    }

    /**
     * What the rating means for the desk: a textual rating by the desk's list, a numeric one by its place on its
     * scale (schema.org's defaults: 1 to 5). Unknown, or the two disagreeing, is reported rather than guessed.
     */
    private Relation.Kind relation(ForeignReview review, ForeignReview.Shape shape, List<FieldError> errors) {
        String field = review.reviewField(shape.rating + (shape == ForeignReview.Shape.SCHEMA_ORG ? ".alternateName" : ""));
        boolean hasText = review.rating() != null && !review.rating().isBlank();
        Relation.Kind byText = hasText ? ratings.ofText(review.rating()) : null;
        Relation.Kind byNumber = null;
        String scale = null;
        if (review.ratingValue() != null) {
            try {
                double value = Double.parseDouble(review.ratingValue().strip());
                double best = review.bestRating() == null ? 5 : Double.parseDouble(review.bestRating().strip());
                double worst = review.worstRating() == null ? 1 : Double.parseDouble(review.worstRating().strip());
                scale = review.ratingValue().strip() + " on a scale from " + format(worst) + " to " + format(best);
                if (!Double.isFinite(value) || !Double.isFinite(best) || !Double.isFinite(worst) || best <= worst
                        || value < worst || value > best) {
                    errors.add(new FieldError(review.reviewField("reviewRating.ratingValue"), scale + " is not a rating"));
                    return null;
                }
                byNumber = ratings.ofNumber(value, worst, best);
            } catch (NumberFormatException notNumbers) {
                errors.add(new FieldError(review.reviewField("reviewRating"), "ratingValue, bestRating and worstRating"
                        + " must be numbers (" + review.ratingValue() + ", " + review.bestRating() + ", " + review.worstRating() + ")"));
                return null;
            }
        }
        if (byText != null && byNumber != null && byText != byNumber) {
            errors.add(new FieldError(field, "\"" + review.rating().strip() + "\" " + verb(byText) + " the claim but "
                    + scale + " " + verb(byNumber) + " it in the desk's rating mapping: not guessed"));
            return null;
        }
        if (byText == null && byNumber == null) {
            if (!hasText && scale == null) {
                errors.add(new FieldError(field, "is required: the review's rating (a textual rating, or a ratingValue)"));
            } else {
                errors.add(new FieldError(field, (hasText ? "\"" + review.rating().strip() + "\"" : "the rating")
                        + (scale == null ? "" : (hasText ? " (" : " ") + scale + (hasText ? ")" : ""))
                        + " is not in the desk's rating mapping, so whether the review disputes or supports the claim"
                        + " is not known: add it to claimtrack.claimreview-in.disputing or .supporting if the desk reads it so"));
            }
            return null;
        }
        return byText != null ? byText : byNumber;
    }

    private static String verb(Relation.Kind kind) {
        return kind == Relation.Kind.DISPUTES ? "disputes" : "supports";
    }

    private static String ratingWords(ForeignReview review) {
        if (review.rating() != null && !review.rating().isBlank()) {
            return "\"" + review.rating().strip() + "\"";
        }
        return review.ratingValue().strip() + " out of " + (review.bestRating() == null ? "5" : review.bestRating().strip());
    }

    /** The claim reviewed, quoted in the review's text (cut: the review links to it in full). */
    private static String quoted(String claim) {
        String text = claim.strip();
        return "\"" + (text.length() <= 200 ? text : text.substring(0, 199) + "…") + "\"";
    }

    private static String format(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }

    /** A title longer than a source's is cut rather than refused: it only labels the link. */
    private static String title(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String stripped = title.strip();
        return stripped.length() <= 500 ? stripped : stripped.substring(0, 499) + "…";
    }

    private static void require(String value, String field, String what, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required: " + what));
        }
    }

    /** Errors about a request built from the review, named by where their value was in the upload. */
    private static List<FieldError> within(List<FieldError> problems, ForeignReview review, Map<String, String> fields) {
        return problems.stream().map(error -> new FieldError(fields.getOrDefault(String.valueOf(error.field()),
                review.at() + (error.field() == null ? "" : " (" + error.field() + ")")), error.message())).toList();
    }

    /** A date of the review or the claim: an instant, or a day (schema.org's Date) meaning some time that day. */
    private record When(Instant at, boolean dayOnly) {

        /** The instant to record: a day-only date on the day of {@code earliest}, not before it. */
        Instant notBefore(Instant earliest) {
            if (dayOnly && at.isBefore(earliest) && earliest.isBefore(at.plus(1, ChronoUnit.DAYS))) {
                return earliest;
            }
            return at;
        }
    }

    private When when(String text, String field, boolean required, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required: when it was published (ISO 8601, e.g. 2015-10-01)"));
            }
            return null;
        }
        When when = parse(text.strip());
        if (when == null) {
            errors.add(new FieldError(field, "\"" + text.strip() + "\" is not an ISO 8601 date or date-time"));
        } else if (when.at.isAfter(clock.instant())) {
            errors.add(new FieldError(field, "is in the future (" + text.strip() + ")"));
        } else if (when.at.isBefore(EARLIEST)) {
            errors.add(new FieldError(field, "is before 1900 (" + text.strip() + ")"));
        } else {
            return when;
        }
        return null;
    }

    private static When parse(String text) {
        try {
            return new When(OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MICROS), false);
        } catch (DateTimeParseException notWithOffset) {
            // a local date-time or a day, taken as UTC
        }
        try {
            return new When(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), false);
        } catch (DateTimeParseException notLocal) {
            // a day
        }
        try {
            return new When(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant(), true);
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }
}
