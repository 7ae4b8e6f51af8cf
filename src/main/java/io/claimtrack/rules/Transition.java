package io.claimtrack.rules;

import java.time.Instant;

import io.claimtrack.facts.Claim;

/**
 * A change of one claim's status or flags in event time: what it became, and the claim whose
 * assertion caused it ({@code null} when time passing caused it).
 */
public record Transition(Instant at, Claim cause, Assessment assessment) {
}
