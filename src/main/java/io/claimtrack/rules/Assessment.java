package io.claimtrack.rules;

import java.util.Set;
import java.util.SortedMap;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;

/**
 * What the policy concluded about one claim: its status, the rule and why, its flags, and the rating it
 * suggests to the desk (null when no rule suggests one).
 */
public record Assessment(long claimId, ClaimStatus status, String rule, String explanation,
                         SortedMap<Flag, FlagReason> flags, Suggestion suggestion) {

    public Assessment(long claimId, ClaimStatus status, String rule, String explanation,
                      SortedMap<Flag, FlagReason> flags) {
        this(claimId, status, rule, explanation, flags, null);
    }

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

    /** A rating the rules suggest to the desk, the rule that suggests it and why: advice, never the rating. */
    public record Suggestion(String rating, String rule, String explanation) {
    }
}
