package io.claimtrack.status;

import java.util.List;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;
import io.claimtrack.rating.RatingScale;
import io.claimtrack.rules.Assessment;

/**
 * A claim's status, flags and reason at some point: now, as of an event-time instant, or as once shown;
 * and the rating the rules suggested with it, if any (not kept in the history, so null in the past).
 */
public record Standing(ClaimStatus status, List<Flag> flags, Reason reason, List<FlagView> flagReasons,
                       Suggestion suggestion) {

    /** The current status, as recorded by the latest evaluation. */
    public static Standing of(ClaimStatusEntity status) {
        return new Standing(status.status, List.copyOf(status.flagSet()), Reason.of(status),
                status.flags.stream().map(FlagView::of).sorted((a, b) -> a.flag().compareTo(b.flag())).toList(),
                status.suggestion());
    }

    /**
     * A status evaluated on the fly (as of an event-time instant): not recorded, so it has no "since". A
     * suggestion of a rating the desk's scale does not have is left out, as when recording.
     */
    public static Standing of(Assessment assessment, int rulesetVersion, RatingScale scale) {
        Assessment.Suggestion suggested = assessment.suggestion();
        return new Standing(assessment.status(), List.copyOf(assessment.flags().keySet()),
                new Reason(assessment.rule(), assessment.explanation(), null, rulesetVersion),
                assessment.flags().entrySet().stream()
                        .map(e -> new FlagView(e.getKey(), e.getValue().rule(), e.getValue().explanation())).toList(),
                suggested == null || !scale.has(suggested.rating()) ? null
                        : new Suggestion(suggested.rating(), suggested.rule(), suggested.explanation()));
    }
}
