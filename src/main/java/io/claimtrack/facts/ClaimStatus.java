package io.claimtrack.facts;

/** The statuses a ruleset may give a claim. */
public enum ClaimStatus {
    RETRACTED, REFUTED, CONTESTED, CONFIRMED, CORROBORATED, UNVERIFIED
}
