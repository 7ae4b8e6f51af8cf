package io.claimtrack.rules;

import java.util.SortedMap;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;

/** What the policy concluded about one claim: its status, the rule and why, and its flags. */
public record Assessment(long claimId, ClaimStatus status, String rule, String explanation,
                         SortedMap<Flag, FlagReason> flags) {

    /** The rule that raised a flag and why. */
    public record FlagReason(String rule, String explanation) {
    }
}
