package io.claimtrack.authoring;

import java.util.List;

/** A version's scenario run: the baseline scenarios of rules/scenarios plus those attached to the version. */
public record TestRun(int version, boolean passed, int total, int failed, List<ScenarioResult> results) {
}
