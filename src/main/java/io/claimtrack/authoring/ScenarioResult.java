package io.claimtrack.authoring;

import java.util.List;
import java.util.Set;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;

/**
 * How a scenario fared: passed, or each expectation that failed with expected and actual; or an error. {@code rules}:
 * the rules whose conclusions (a status, a flag, a suggested rating) stand for its claims, the rules it exercises
 * (null in checks stored before it was kept).
 */
public record ScenarioResult(String file, String name, boolean passed, List<Mismatch> failures, String error,
                             List<String> rules) {

    /** "claim us: expected REFUTED [], got CONTESTED [] by rule "..."", one per failure. */
    public String describe() {
        if (error != null) {
            return error;
        }
        return String.join("; ", failures.stream().map(f -> "claim " + f.claim() + ": expected " + f.expected().status()
                + " " + f.expected().flags() + ", got " + f.actual().status() + " " + f.actual().flags()
                + " by rule \"" + f.actual().rule() + "\"").toList());
    }

    public record Mismatch(String claim, Outcome expected, Outcome actual) {
    }

    public record Outcome(ClaimStatus status, Set<Flag> flags, String rule) {
    }
}
