package io.claimtrack.authoring;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.claimtrack.rules.CompiledRuleset;
import io.claimtrack.rules.RuleProblem;

/** Whether a ruleset version may run: every problem found, and the compiled ruleset when there are none. */
public record Validation(int version, boolean valid, List<RuleProblem> problems,
                         @JsonIgnore CompiledRuleset compiled) {
}
