package io.claimtrack.rules;

import java.util.Set;
import java.util.SortedMap;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;

/** What the policy concluded about one claim: its status, the rule and why, and its flags. */
public record Assessment(long claimId, ClaimStatus status, String rule, String explanation,
                         SortedMap<Flag, FlagReason> flags) {

    /**
     * Whether this conclusion leaves a claim where it stood: the same status and the same flags, whatever
     * the reasons. The one test of "did the standing change", for history, previews and timelines alike.
     */
    public boolean keepsStanding(ClaimStatus previousStatus, Set<Flag> previousFlags) {
        return status == previousStatus && flags.keySet().equals(previousFlags);
    }

    /** The rule that raised a flag and why. */
    public record FlagReason(String rule, String explanation) {
    }
}
