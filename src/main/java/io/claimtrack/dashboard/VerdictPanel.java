package io.claimtrack.dashboard;

import java.util.List;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.verdict.VerdictView;

/** The analysts' verdicts on a claim's page: every verdict given, and for an analyst the forms to give and withdraw one. */
public record VerdictPanel(List<VerdictView> verdicts, boolean analyst, String csrf, String error) {

    public ClaimStatus[] statuses() {
        return ClaimStatus.values();
    }
}
