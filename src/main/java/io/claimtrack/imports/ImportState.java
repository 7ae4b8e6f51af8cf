package io.claimtrack.imports;

/** QUEUED → RUNNING → DONE; FAILED only when the job itself cannot go on (its file is gone, say). */
public enum ImportState {
    QUEUED, RUNNING, DONE, FAILED
}
