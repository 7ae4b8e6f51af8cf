package io.claimtrack.authoring;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.claimtrack.facts.ActorKind;
import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;

/**
 * A scenario file: facts in, expected statuses and flags out. Claims name each other by {@code ref};
 * {@code now} is the evaluation instant (default: the last assertion). See README, "Scenario files".
 */
@JsonIgnoreProperties(value = "$comment", allowSetters = true)
public record Scenario(String name, String description, Instant now, List<ScenarioActor> actors,
                       List<ScenarioClaim> claims, List<ScenarioVerdict> verdicts, List<Expectation> expect) {

    public record ScenarioActor(String name, ActorKind kind, Set<String> blocs) {
    }

    public record ScenarioClaim(String ref, String claimant, Instant assertedAt, String disputes, String supports,
                                String retracts) {
    }

    public record ScenarioVerdict(String claim, ClaimStatus status, String reason, String analyst) {
    }

    /** {@code flags} is the exact set expected; {@code rule}, when given, must match too. */
    public record Expectation(String claim, ClaimStatus status, Set<Flag> flags, String rule) {
    }
}
