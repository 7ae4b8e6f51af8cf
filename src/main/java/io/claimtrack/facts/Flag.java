package io.claimtrack.facts;

/** Flags ride beside a claim's status. */
public enum Flag {
    WIDELY_CONTESTED, SELF_DISPUTED, STALE
}
