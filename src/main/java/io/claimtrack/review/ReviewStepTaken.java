package io.claimtrack.review;

import java.time.Instant;

/** A step of the desk's review, announced in its transaction (see ClaimRecorded for why). */
public record ReviewStepTaken(long claimId, String action, String state, String rating, String summary, String url,
                              String by, Instant at) {
}
