package io.claimtrack.facts;

/** Flags ride beside a claim's status. */
public enum Flag {
    WIDELY_CONTESTED, SELF_DISPUTED, STALE,
    /** The desk published a rating the dispute standing has since turned against: a reason to look again. */
    RATING_AT_ODDS
}
