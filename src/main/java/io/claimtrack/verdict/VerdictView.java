package io.claimtrack.verdict;

import java.time.Instant;

import io.claimtrack.facts.ClaimStatus;

public record VerdictView(long id, long claimId, ClaimStatus status, String reason, String analyst,
                          Instant createdAt, Instant withdrawnAt, String withdrawnBy) {

    static VerdictView of(VerdictEntity verdict) {
        return new VerdictView(verdict.id, verdict.claimId, verdict.status, verdict.reason, verdict.analyst,
                verdict.createdAt, verdict.withdrawnAt, verdict.withdrawnBy);
    }
}
