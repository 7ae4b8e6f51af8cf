package io.claimtrack.claim;

import java.time.Instant;
import java.util.List;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;
import io.claimtrack.status.StatusChangeEntity;

/** A recorded change of a claim's status or flags, with the claim's text, for the overview. */
public record RecentChange(long id, long claimId, String text, Instant at, ClaimStatus from, ClaimStatus to,
                           List<Flag> flags, String rule, String explanation, String cause, Integer rulesetVersion) {

    static RecentChange of(StatusChangeEntity change, String text) {
        return new RecentChange(change.id, change.claimId, text, change.at, change.previousStatus, change.status,
                change.flagList(), change.rule, change.explanation, change.cause, change.rulesetVersion);
    }
}
