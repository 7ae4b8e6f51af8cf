package io.claimtrack.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;

/**
 * The refs an import's lines gave their claims. Those of earlier chunks are in the database (see
 * V5__imports.sql), so memory does not grow with the file; those of the chunk being stored are kept
 * here too, and written with the chunk.
 */
final class ImportRefs {

    private record Stored(long claimId, long line) {
    }

    private final long jobId;
    private final Map<String, Stored> chunk = new HashMap<>();

    ImportRefs(long jobId) {
        this.jobId = jobId;
    }

    Long claimOf(String ref) {
        Stored stored = chunk.get(ref);
        return stored != null ? Long.valueOf(stored.claimId()) : first(query("select claim_id from import_ref where job_id = ?1 and ref = ?2", ref));
    }

    Long lineOf(String ref) {
        Stored stored = chunk.get(ref);
        return stored != null ? Long.valueOf(stored.line()) : first(query("select line from import_ref where job_id = ?1 and ref = ?2", ref));
    }

    void add(String ref, long claimId, long line) {
        chunk.put(ref, new Stored(claimId, line));
    }

    /** Writes the chunk's refs; part of the chunk's transaction. */
    void flush() {
        for (Map.Entry<String, Stored> ref : chunk.entrySet()) {
            ImportJobEntity.getEntityManager()
                    .createNativeQuery("insert into import_ref (job_id, ref, claim_id, line) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, jobId).setParameter(2, ref.getKey()).setParameter(3, ref.getValue().claimId())
                    .setParameter(4, ref.getValue().line()).executeUpdate();
        }
        chunk.clear();
    }

    private List<?> query(String sql, String ref) {
        Query query = ImportJobEntity.getEntityManager().createNativeQuery(sql, Long.class)
                .setParameter(1, jobId).setParameter(2, ref);
        // import_ref is only ever written by flush(): nothing pending in the session can change the answer,
        // so spare the flush (a dirty check of every entity of the chunk) a native query would otherwise cause.
        query.setFlushMode(FlushModeType.COMMIT);
        return query.getResultList();
    }

    private static Long first(List<?> rows) {
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }
}
