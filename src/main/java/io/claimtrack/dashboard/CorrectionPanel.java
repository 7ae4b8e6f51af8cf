package io.claimtrack.dashboard;

/** The correction form of a claim's page: for the one who recorded the claim or an editor, with the last refusal. */
public record CorrectionPanel(boolean canCorrect, String csrf, String error) {
}
