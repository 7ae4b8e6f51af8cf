package io.claimtrack.rules;

import java.time.Instant;
import java.util.List;

import io.claimtrack.facts.Claim;
import io.claimtrack.facts.Verdict;

/** What one evaluation reasons over: claims, the analysts' verdicts in force, and the instant it is made as of. */
public record FactSet(List<Claim> claims, List<Verdict> verdicts, Instant now) {

    public FactSet {
        claims = List.copyOf(claims);
        verdicts = List.copyOf(verdicts);
    }
}
