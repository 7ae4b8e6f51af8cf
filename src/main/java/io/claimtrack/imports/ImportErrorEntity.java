package io.claimtrack.imports;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A rejected line: its number in the upload, the field at fault (if one is), and why. */
@Entity
@Table(name = "import_error")
public class ImportErrorEntity extends PanacheEntityBase {

    /** A job keeps its first rejections; past this it only counts them. */
    static final int KEPT = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_id", nullable = false)
    public long jobId;

    @Column(nullable = false)
    public long line;

    public String field;

    @Column(nullable = false, length = 2000)
    public String message;

    static ImportErrorEntity of(long jobId, long line, String field, String message) {
        ImportErrorEntity error = new ImportErrorEntity();
        error.jobId = jobId;
        error.line = line;
        // A ClaimReview upload's path can be as long as its keys: the start says where, the column holds 200.
        error.field = field == null || field.length() <= 200 ? field : field.substring(0, 199) + "…";
        error.message = message.length() > 2000 ? message.substring(0, 1997) + "..." : message;
        return error;
    }

    static List<ImportErrorEntity> ofJob(long jobId) {
        return find("jobId = ?1 order by line, id", jobId).page(0, KEPT).list();
    }
}
