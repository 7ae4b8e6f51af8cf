package io.claimtrack.status;

import java.time.Instant;
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

    /**
     * What claimtrack showed at {@code knownAt}, from the history: the latest change by then, and since
     * when that status had held. Flag reasons are not kept in the history, so only flag names are given.
     */
    public static Standing knownAt(long claimId, Instant knownAt) {
        List<StatusChangeEntity> changes = StatusChangeEntity.list(
                "claimId = ?1 and at <= ?2 order by id", claimId, knownAt);
        if (changes.isEmpty()) {
            return null;
        }
        StatusChangeEntity latest = changes.get(changes.size() - 1);
        Instant since = latest.at;
        for (int i = changes.size() - 1; i >= 0 && changes.get(i).status == latest.status; i--) {
            since = changes.get(i).at;
        }
        return new Standing(latest.status, latest.flagList(),
                new Reason(latest.rule, latest.explanation, since, latest.rulesetVersion), List.of());
    }
}
