package io.claimtrack.imports;

import java.util.List;

/** The refs an import's lines gave their claims, kept in the database (see V5__imports.sql). */
final class ImportRefs {

    private ImportRefs() {
    }

    static Long claimOf(long jobId, String ref) {
        return first(ImportJobEntity.getEntityManager()
                .createNativeQuery("select claim_id from import_ref where job_id = ?1 and ref = ?2", Long.class)
                .setParameter(1, jobId).setParameter(2, ref).getResultList());
    }

    static Long lineOf(long jobId, String ref) {
        return first(ImportJobEntity.getEntityManager()
                .createNativeQuery("select line from import_ref where job_id = ?1 and ref = ?2", Long.class)
                .setParameter(1, jobId).setParameter(2, ref).getResultList());
    }

    static void add(long jobId, String ref, long claimId, long line) {
        ImportJobEntity.getEntityManager()
                .createNativeQuery("insert into import_ref (job_id, ref, claim_id, line) values (?1, ?2, ?3, ?4)")
                .setParameter(1, jobId).setParameter(2, ref).setParameter(3, claimId).setParameter(4, line)
                .executeUpdate();
    }

    private static Long first(List<?> rows) {
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }
}
