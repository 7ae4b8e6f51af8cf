package io.claimtrack.review;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.claimtrack.claim.ClaimEntity;
import io.claimtrack.claim.ReviewSummary;
import io.claimtrack.evaluation.ThreadEvaluation;
import io.claimtrack.facts.ReviewState;
import io.claimtrack.rating.Rating;
import io.claimtrack.rating.RatingScale;
import io.claimtrack.refusal.Conflict;
import io.claimtrack.refusal.Contradiction;
import io.claimtrack.refusal.FieldError;
import io.claimtrack.refusal.FieldErrors;
import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.user.Roles;
import io.claimtrack.user.UserEntity;

/**
 * The desk's reviews: each step of the workflow checked (the fields it takes, the state it starts from,
 * who may take it), applied, recorded as a step, and the claim's thread re-evaluated, since the rules see
 * reviews as facts. Rules may suggest a rating; only these steps, taken by people, set one.
 */
@ApplicationScoped
public class ReviewService {

    private final ThreadEvaluation threads;
    private final Validator validator;
    private final StoredReviews stored;
    private final RatingScale scale;
    private final Clock clock;
    private final boolean secondEditor;
    private final Event<ReviewStepTaken> stepsTaken;

    public ReviewService(ThreadEvaluation threads, Validator validator, StoredReviews stored, RatingScale scale, Clock clock,
                         @ConfigProperty(name = "claimtrack.review.second-editor", defaultValue = "true")
                         boolean secondEditor, Event<ReviewStepTaken> stepsTaken) {
        this.stepsTaken = stepsTaken;
        this.threads = threads;
        this.validator = validator;
        this.stored = stored;
        this.scale = scale;
        this.clock = clock;
        this.secondEditor = secondEditor;
    }

    /** The claim's review now, or as known at {@code knownAt}, with its steps up to then. */
    @Transactional
    public ReviewView of(long claimId, Instant knownAt) {
        ClaimEntity claim = ClaimEntity.existing(claimId);
        if (knownAt == null) {
            ReviewEntity review = ReviewEntity.findById(claim.id);
            List<ReviewStepEntity> steps = ReviewStepEntity.forClaim(claim.id);
            return review == null ? ReviewView.of(claim.id, ReviewSummary.NONE, null, null, steps, null)
                    : ReviewView.of(claim.id, stored.summary(review), rating(review.rating), review.updatedAt, steps, null);
        }
        List<ReviewStepEntity> steps = ReviewStepEntity.takenBy(List.of(claim.id), knownAt);
        if (steps.isEmpty()) {
            return ReviewView.of(claim.id, ReviewSummary.NONE, null, null, steps, knownAt);
        }
        ReviewStepEntity latest = steps.get(steps.size() - 1);
        return ReviewView.of(claim.id, stored.summary(steps), rating(latest.rating), latest.at, steps, knownAt);
    }

    @Transactional
    public ReviewView step(long claimId, ReviewAction action, ReviewStepRequest given, String by) {
        ReviewStepRequest request = given == null ? ReviewStepRequest.EMPTY : given;
        var violations = validator.validate(request); // here, not in the resource: the pages' forms come this way too
        if (!violations.isEmpty()) {
            throw FieldErrors.invalid(FieldErrors.of(violations));
        }
        checkFields(action, request);
        ClaimEntity claim = ClaimEntity.existing(claimId);
        threads.lock(List.of(claim.threadId)); // one step at a time per thread, and the rules see the review
        ReviewEntity review = ReviewEntity.findById(claim.id);
        if (review == null) {
            review = new ReviewEntity();
            review.claimId = claim.id;
            review.state = ReviewState.UNASSIGNED;
        }
        ReviewState from = review.state;
        if (!action.allowedFrom(from)) {
            throw new Conflict("state", "a review " + from + " cannot be taken to " + action.to() + " (" + action.path()
                    + "); from " + from + " the next steps are: " + next(from));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        apply(review, action, request, by, now);
        review.updatedAt = now;
        if (!review.isPersistent()) {
            review.persist();
        }
        ReviewStepEntity step = ReviewStepEntity.after(review, action, from, by, strip(request.reason()));
        step.persist();
        stepsTaken.fire(new ReviewStepTaken(claim.id, action.path(), review.state.name(), review.rating, review.summary,
                review.url, by, now));
        threads.changedOtherwise(claim.threadId);
        threads.reevaluateLocked(List.of(claim.threadId), describe(claim.id, by, action, review));
        return of(claim.id, null);
    }

    /**
     * Restores a review exported from another store, as it stood there, in one step on record ("restored from
     * an archive", with who rated and published it there). An admin's import only: it does not go through the
     * workflow's checks, which the review passed where it was made. A claim already reviewed here is refused.
     */
    @Transactional
    public void restore(long claimId, RestoredReview restored, String by) {
        ClaimEntity claim = ClaimEntity.existing(claimId);
        threads.lock(List.of(claim.threadId));
        if (ReviewEntity.findById(claim.id) != null) {
            throw new Conflict("claim", "claim #" + claim.id + " already has a review here");
        }
        if (restored.state() == null || restored.state() == ReviewState.UNASSIGNED) {
            throw new InvalidInput("state", "must be the review's state there: one of ASSIGNED, IN_REVIEW, READY,"
                    + " PUBLISHED, CORRECTED, UNPUBLISHED");
        }
        boolean rated = restored.state() == ReviewState.READY || restored.state().isPublic();
        if (rated && (restored.rating() == null || restored.summary() == null)) {
            throw new InvalidInput("rating", "a review " + restored.state() + " has a rating and a summary");
        }
        if (restored.state().isPublic() && restored.url() == null) {
            throw new InvalidInput("url", "a review " + restored.state() + " has its published URL");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ReviewEntity review = new ReviewEntity();
        review.claimId = claim.id;
        review.state = restored.state();
        review.assignee = strip(restored.assignee());
        review.rating = restored.rating() == null ? null : scale.rating("rating", restored.rating()).name();
        review.summary = strip(restored.summary());
        review.url = strip(restored.url());
        review.ratedBy = strip(restored.ratedBy());
        review.ratedAt = review.rating == null ? null : now;
        review.publishedBy = restored.state().isPublic() ? strip(restored.publishedBy()) : null;
        review.publishedAt = restored.state().isPublic() ? now : null;
        review.updatedAt = now;
        review.persist();
        String there = "rated by " + (review.ratedBy == null ? "nobody yet" : review.ratedBy)
                + (review.publishedBy == null ? "" : ", published by " + review.publishedBy) + " there";
        ReviewStepEntity.after(review, ReviewAction.RESTORE, ReviewState.UNASSIGNED, by, there).persist();
        threads.changedOtherwise(claim.threadId);
        threads.reevaluateLocked(List.of(claim.threadId), "review of claim #" + claim.id + " restored by " + by);
    }

    private void apply(ReviewEntity review, ReviewAction action, ReviewStepRequest request, String by, Instant now) {
        switch (action) {
            case ASSIGN -> review.assignee = editor(request.assignee());
            case START, RATE -> {
                if (!by.equalsIgnoreCase(review.assignee)) {
                    throw new Conflict("assignee", "the review is assigned to " + review.assignee + ": only "
                            + review.assignee + " can " + action.path() + " it (assign it to yourself first)");
                }
                if (action == ReviewAction.RATE) {
                    rate(review, request.rating(), by, now);
                    review.summary = strip(request.summary());
                }
            }
            case PUBLISH -> {
                if (secondEditor && by.equalsIgnoreCase(review.ratedBy)) {
                    throw new Conflict("publish: a second editor is required: " + by + " rated this review "
                            + review.rating + ", so another editor publishes it (claimtrack.review.second-editor)",
                            List.of(new FieldError("ratedBy", "rated by " + review.ratedBy + ", the publisher")));
                }
                review.url = strip(request.url());
                review.publishedBy = by;
                review.publishedAt = now;
            }
            case CORRECT -> {
                boolean changed = false;
                if (request.rating() != null && !scale.rating("rating", request.rating()).name().equals(review.rating)) {
                    rate(review, request.rating(), by, now);
                    changed = true;
                }
                if (request.summary() != null && !strip(request.summary()).equals(review.summary)) {
                    review.summary = strip(request.summary());
                    changed = true;
                }
                if (request.url() != null && !strip(request.url()).equals(review.url)) {
                    review.url = strip(request.url());
                    changed = true;
                }
                if (!changed) {
                    throw new InvalidInput("rating", "a correction changes the rating, the summary or the URL;"
                            + " this one changes none of them");
                }
            }
            case UNPUBLISH -> {
                // the rating, summary and URL stay on record; the review is no longer public
            }
            case RESTORE -> throw new IllegalArgumentException("a review is restored through restore(), not as a step");
        }
        review.state = action.to();
    }

    private void rate(ReviewEntity review, String rating, String by, Instant now) {
        review.rating = scale.rating("rating", rating).name();
        review.ratedBy = by;
        review.ratedAt = now;
    }

    /** The names of the enabled editors, for the pages' assignment choices. */
    @Transactional
    public List<String> editors() {
        return UserEntity.enabledWithRole(Roles.EDITOR).stream().map(user -> user.username).toList();
    }

    /** The enabled editor of that name, any case, as stored; else a 422 naming the desk's editors. */
    private static String editor(String name) {
        List<UserEntity> editors = UserEntity.enabledWithRole(Roles.EDITOR);
        return editors.stream().filter(user -> user.username.equalsIgnoreCase(name.strip())).findFirst()
                .map(user -> user.username)
                .orElseThrow(() -> new Contradiction("assignee", "no enabled editor is named \"" + name.strip() + "\""
                        + (editors.isEmpty() ? "; no user has the EDITOR role yet (an admin gives it)"
                        : "; editors: " + editors.stream().limit(20).map(user -> user.username)
                        .collect(Collectors.joining(", ")))));
    }

    /** Each step takes its own fields and refuses the rest, so a misplaced field is never silently ignored. */
    private static void checkFields(ReviewAction action, ReviewStepRequest request) {
        List<FieldError> errors = new ArrayList<>();
        List<String> required = switch (action) {
            case ASSIGN -> List.of("assignee");
            case START -> List.of();
            case RATE -> List.of("rating", "summary");
            case PUBLISH -> List.of("url");
            case CORRECT, UNPUBLISH -> List.of("reason");
            case RESTORE -> List.of();
        };
        List<String> allowed = switch (action) {
            case ASSIGN -> List.of("assignee");
            case START -> List.of();
            case RATE -> List.of("rating", "summary");
            case PUBLISH -> List.of("url");
            case CORRECT -> List.of("reason", "rating", "summary", "url");
            case UNPUBLISH -> List.of("reason");
            case RESTORE -> List.of();
        };
        check(errors, "assignee", request.assignee(), required, allowed, action);
        check(errors, "rating", request.rating(), required, allowed, action);
        check(errors, "summary", request.summary(), required, allowed, action);
        check(errors, "url", request.url(), required, allowed, action);
        check(errors, "reason", request.reason(), required, allowed, action);
        if (!errors.isEmpty()) {
            throw new InvalidInput(action.path() + " takes " + (allowed.isEmpty() ? "no fields" : String.join(", ", allowed))
                    + (required.isEmpty() ? "" : " (required: " + String.join(", ", required) + ")"), errors);
        }
    }

    private static void check(List<FieldError> errors, String field, String value, List<String> required,
                              List<String> allowed, ReviewAction action) {
        boolean given = value != null && !value.isBlank();
        if (value != null && !allowed.contains(field)) {
            errors.add(new FieldError(field, "is not taken by " + action.path()));
        } else if (!given && required.contains(field)) {
            errors.add(new FieldError(field, "is required by " + action.path() + " and must not be blank"));
        }
    }

    private Rating rating(String name) {
        return name == null || !scale.has(name) ? null : scale.rating("rating", name);
    }

    private static String next(ReviewState state) {
        String next = ReviewAction.from(state).stream().map(ReviewAction::path).collect(Collectors.joining(", "));
        return next.isEmpty() ? "none" : next;
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String describe(long claimId, String by, ReviewAction action, ReviewEntity review) {
        return "review of claim #" + claimId + ": " + action.path() + " by " + by + " (" + review.state
                + (review.rating == null ? "" : ", " + review.rating) + ")";
    }
}
