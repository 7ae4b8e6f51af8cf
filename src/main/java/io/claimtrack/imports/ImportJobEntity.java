package io.claimtrack.imports;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One NDJSON upload and how far its processing got. The counters move with each committed chunk. */
@Entity
@Table(name = "import_job")
public class ImportJobEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public ImportState state;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** Size of the upload. */
    @Column(nullable = false)
    public long bytes;

    /** Lines processed so far (stored, rejected or blank): a resumed job carries on after this line. */
    @Column(name = "lines_read", nullable = false)
    public long linesRead;

    @Column(nullable = false)
    public long stored;

    @Column(nullable = false)
    public long rejected;

    @Column(name = "threads_evaluated", nullable = false)
    public long threadsEvaluated;

    /** Why a FAILED job stopped. */
    @Column(length = 2000)
    public String failure;

    /** Jobs a restart must pick up again, oldest first. */
    public static List<ImportJobEntity> unfinished() {
        return list("state in ?1 order by id", List.of(ImportState.QUEUED, ImportState.RUNNING));
    }
}
