package io.claimtrack.dashboard;

import java.util.List;

import io.claimtrack.claim.Duplicates;

/**
 * The correction form of a claim's page (for the one who recorded the claim or an editor) and the merge form
 * (editors), each with its last refusal, and the claimant's other claims that look like this one.
 */
public record CorrectionPanel(boolean canCorrect, boolean canMerge, String csrf, String error, String mergeError,
                              List<Duplicates.Possible> lookAlikes) {
}
