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
import jakarta.persistence.LockModeType;
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

    /** The instance running the job (see {@code JobLeases.instance()}); null before any has taken it. */
    @Column(length = 100)
    public String holder;

    /** The holder's lease: once it has run out (the holder died or stopped), any instance may take the job. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    /** The oldest unfinished job no live instance holds, or null. */
    static Long oldestFree(Instant now) {
        return getEntityManager().createQuery("select id from ImportJobEntity where state in ?1"
                        + " and (leaseUntil is null or leaseUntil < ?2) order by id", Long.class)
                .setParameter(1, List.of(ImportState.QUEUED, ImportState.RUNNING)).setParameter(2, now)
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    /**
     * Takes a free job for {@code holder}: one conditional update, so of several instances exactly one gets it.
     * @return whether {@code holder} now runs the job
     */
    static boolean take(long id, String holder, Instant now, Instant until) {
        return update("holder = ?1, leaseUntil = ?2, state = ?3, startedAt = coalesce(startedAt, ?4)"
                        + " where id = ?5 and state in ?6 and (leaseUntil is null or leaseUntil < ?4)",
                holder, until, ImportState.RUNNING, now, id, List.of(ImportState.QUEUED, ImportState.RUNNING)) == 1;
    }

    /** Moves on the leases of the jobs {@code holder} runs: it is alive. */
    static void renew(String holder, Instant until) {
        update("leaseUntil = ?1 where holder = ?2 and state = ?3", until, holder, ImportState.RUNNING);
    }

    /**
     * The job, locked for this transaction, if {@code holder} still runs it and it has read exactly
     * {@code linesRead} lines; otherwise another instance took it over (this one stalled past its lease), and
     * whatever this one was about to write would be written twice.
     */
    static ImportJobEntity heldBy(long id, String holder, long linesRead) {
        ImportJobEntity job = findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !holder.equals(job.holder) || job.state != ImportState.RUNNING || job.linesRead != linesRead) {
            throw new ImportTakenOver(id);
        }
        return job;
    }
}
