package io.claimtrack.status;

import java.time.Instant;

/** Why a claim has its status: the rule, its explanation, since when (system time), under which ruleset. */
public record Reason(String rule, String explanation, Instant since, int rulesetVersion) {

    public static Reason of(ClaimStatusEntity status) {
        return new Reason(status.rule, status.explanation, status.since, status.rulesetVersion);
    }
}
