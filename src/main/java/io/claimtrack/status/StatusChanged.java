package io.claimtrack.status;

import java.util.List;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;

/** A recorded change of a claim's status or flags, announced to open pages once its transaction commits. */
public record StatusChanged(long claimId, ClaimStatus status, ClaimStatus previousStatus, List<Flag> flags,
                            List<Flag> previousFlags, String rule, String explanation, String cause) {
}
