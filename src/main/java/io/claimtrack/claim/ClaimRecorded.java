package io.claimtrack.claim;

import java.time.Instant;

/**
 * A claim stored by a submission or an import, announced in its transaction (observers that write must do so
 * in it: a webhook's outbox row commits or rolls back with the claim).
 */
public record ClaimRecorded(long claimId, String text, String claimant, String topic, Instant assertedAt,
                            Long disputes, Long supports, Long retracts, String recordedBy) {
}
