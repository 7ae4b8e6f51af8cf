package io.claimtrack.authoring;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;

/**
 * What activating a version would change, computed without changing anything: how many claims were
 * evaluated, how many would change status or flags, status transitions counted ("CONTESTED->REFUTED"),
 * and one page of the changes.
 */
public record Preview(int version, int evaluated, int changed, Map<String, Integer> transitions, int page, int size,
                      List<Change> changes) {

    public record Change(long claimId, ClaimStatus from, ClaimStatus to, Set<Flag> flagsAdded,
                         Set<Flag> flagsRemoved, String rule) {
    }
}
