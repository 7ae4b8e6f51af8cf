package io.claimtrack.imports;

/**
 * The instance running an import no longer holds it: its lease ran out while it stalled, and another instance
 * took the job over. This one stops at once and writes nothing more; the other carries on from the last
 * committed line.
 */
class ImportTakenOver extends RuntimeException {

    ImportTakenOver(long jobId) {
        super("import #" + jobId + " is run by another instance now");
    }
}
