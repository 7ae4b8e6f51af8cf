package io.claimtrack.authoring;

/**
 * What an activation did: which version replaced which, how many claims changed status or flags, and
 * how long it took to make the version active (compile, scenarios, switch) and then to re-evaluate
 * every thread under it.
 */
public record ActivationResult(int version, Integer previousVersion, boolean rollback, boolean forced, int changed,
                               String cause, long activatedInMillis, long reevaluatedInMillis) {
}
