package io.claimtrack.authoring;

import java.util.List;
import java.util.Set;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;

/** How a scenario fared: passed, or each expectation that failed with expected and actual; or an error. */
public record ScenarioResult(String file, String name, boolean passed, List<Mismatch> failures, String error) {

    public record Mismatch(String claim, Outcome expected, Outcome actual) {
    }

    public record Outcome(ClaimStatus status, Set<Flag> flags, String rule) {
    }
}
