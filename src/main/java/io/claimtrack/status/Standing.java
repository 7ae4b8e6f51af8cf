package io.claimtrack.status;

import java.util.List;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;
import io.claimtrack.rules.Assessment;

/** A claim's status, flags and reason at some point: now, as of an event-time instant, or as once shown. */
public record Standing(ClaimStatus status, List<Flag> flags, Reason reason, List<FlagView> flagReasons) {

    /** The current status, as recorded by the latest evaluation. */
    public static Standing of(ClaimStatusEntity status) {
        return new Standing(status.status, List.copyOf(status.flagSet()), Reason.of(status),
                status.flags.stream().map(FlagView::of).sorted((a, b) -> a.flag().compareTo(b.flag())).toList());
    }

    /** A status evaluated on the fly (as of an event-time instant): not recorded, so it has no "since". */
    public static Standing of(Assessment assessment, int rulesetVersion) {
        return new Standing(assessment.status(), List.copyOf(assessment.flags().keySet()),
                new Reason(assessment.rule(), assessment.explanation(), null, rulesetVersion),
                assessment.flags().entrySet().stream()
                        .map(e -> new FlagView(e.getKey(), e.getValue().rule(), e.getValue().explanation())).toList());
    }
}
