package io.claimtrack.claim;

import java.time.Instant;

/** One change to an actor (system time): a CORRECTION, an ALIAS given, or a MERGE; {@code cause} says it in words. */
public record ActorHistoryEntry(Instant at, String kind, String by, String cause) {
}
