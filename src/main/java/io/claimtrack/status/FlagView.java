package io.claimtrack.status;

import io.claimtrack.facts.Flag;

/** A flag on a claim and why it was raised. */
public record FlagView(Flag flag, String rule, String explanation) {

    public static FlagView of(RaisedFlag raised) {
        return new FlagView(raised.flag, raised.rule, raised.explanation);
    }
}
