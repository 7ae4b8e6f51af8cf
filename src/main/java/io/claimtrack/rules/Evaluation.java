package io.claimtrack.rules;

import java.util.Map;

/** What one ruleset version concluded about a set of claims, by claim id. */
public record Evaluation(int rulesetVersion, Map<Long, Assessment> assessments) {
}
