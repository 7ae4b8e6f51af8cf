package io.claimtrack.claim;

import java.time.Instant;
import java.util.List;

import io.claimtrack.facts.Claim;
import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;
import io.claimtrack.rules.Transition;

/**
 * One event-time change of a claim's status or flags under the active ruleset, and what caused it:
 * the assertion of a claim of the thread, or time passing.
 */
public record TimelineEntry(Instant at, ClaimStatus status, List<Flag> flags, String rule, String explanation,
                            Cause cause) {

    /** {@code kind} is ASSERTION (with the claim, its actor and relation) or TIME_PASSED. */
    public record Cause(String kind, Long claimId, String actor, String relation, Long target, String description) {

        static Cause of(Claim claim) {
            if (claim == null) {
                return new Cause("TIME_PASSED", null, null, null, null, "time passed");
            }
            Relation relation = Relation.of(claim);
            String description = "claim #" + claim.getId() + " by " + claim.getClaimant().getName()
                    + (relation == null ? " asserted" : " " + relation);
            return new Cause("ASSERTION", claim.getId(), claim.getClaimant().getName(),
                    relation == null ? null : relation.kind().field(), relation == null ? null : relation.targetId(),
                    description);
        }
    }

    static TimelineEntry of(Transition transition) {
        var assessment = transition.assessment();
        return new TimelineEntry(transition.at(), assessment.status(), List.copyOf(assessment.flags().keySet()),
                assessment.rule(), assessment.explanation(), Cause.of(transition.cause()));
    }
}
