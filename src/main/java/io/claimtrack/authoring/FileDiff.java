package io.claimtrack.authoring;

/** How one file differs between two versions, as a unified diff ("" when unchanged). */
public record FileDiff(String file, Change change, String diff) {

    public enum Change { ADDED, REMOVED, MODIFIED, UNCHANGED }
}
