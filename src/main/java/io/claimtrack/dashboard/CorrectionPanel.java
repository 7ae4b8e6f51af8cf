package io.claimtrack.dashboard;

/**
 * The correction form of a claim's page (for the one who recorded the claim or an editor) and the merge form
 * (editors), each with its last refusal.
 */
public record CorrectionPanel(boolean canCorrect, boolean canMerge, String csrf, String error, String mergeError) {
}
