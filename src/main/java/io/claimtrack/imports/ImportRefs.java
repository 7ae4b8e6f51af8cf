package io.claimtrack.imports;

/**
 * The refs an import's lines gave their claims, kept in the database (see V5__imports.sql) rather than
 * in memory, so memory does not grow with the file. Looked up by primary key: no query, no flush.
 */
final class ImportRefs {

    private final long jobId;

    ImportRefs(long jobId) {
        this.jobId = jobId;
    }

    /** The ref's claim, or null when no stored line of this import has that ref. */
    Long claimOf(String ref) {
        ImportRefEntity stored = find(ref);
        return stored == null ? null : stored.claimId;
    }

    /** The line that gave this ref, or null. */
    Long lineOf(String ref) {
        ImportRefEntity stored = find(ref);
        return stored == null ? null : stored.line;
    }

    void add(String ref, long claimId, long line) {
        ImportRefEntity stored = new ImportRefEntity();
        stored.key = new ImportRefEntity.Key(jobId, ref);
        stored.claimId = claimId;
        stored.line = line;
        stored.persist();
    }

    private ImportRefEntity find(String ref) {
        return ImportRefEntity.getEntityManager().find(ImportRefEntity.class, new ImportRefEntity.Key(jobId, ref));
    }
}
