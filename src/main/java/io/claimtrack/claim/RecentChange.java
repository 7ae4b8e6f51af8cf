package io.claimtrack.claim;

import java.time.Instant;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.status.StatusChangeEntity;

/** A recorded change of a claim's status or flags, with the claim's text, for the overview. */
public record RecentChange(long claimId, String text, Instant at, ClaimStatus from, ClaimStatus to, String rule,
                           String explanation, String cause) {

    static RecentChange of(StatusChangeEntity change, String text) {
        return new RecentChange(change.claimId, text, change.at, change.previousStatus, change.status, change.rule,
                change.explanation, change.cause);
    }
}
