package io.claimtrack.authoring;

/** What an activation did: which version replaced which, and how many claims changed status or flags. */
public record ActivationResult(int version, Integer previousVersion, boolean rollback, boolean forced, int changed,
                               String cause) {
}
