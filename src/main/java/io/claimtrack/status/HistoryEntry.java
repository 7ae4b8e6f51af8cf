package io.claimtrack.status;

import java.time.Instant;
import java.util.List;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;

/** One change of a claim's status or flags, as recorded (system time). */
public record HistoryEntry(Instant at, ClaimStatus status, ClaimStatus previousStatus, List<Flag> flags,
                           List<Flag> previousFlags, String rule, String explanation, int rulesetVersion,
                           String cause) {

    static HistoryEntry of(StatusChangeEntity change) {
        return new HistoryEntry(change.at, change.status, change.previousStatus, change.flagList(),
                change.previousFlagList(), change.rule, change.explanation, change.rulesetVersion, change.cause);
    }
}
