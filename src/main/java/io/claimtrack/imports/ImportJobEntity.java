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
import io.quarkus.panache.common.Parameters;

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

    /** Lines in the upload, counted as it was kept (null for jobs queued before they were counted). */
    @Column(name = "total_lines")
    public Long totalLines;

    /** Why a FAILED job stopped. */
    @Column(length = 2000)
    public String failure;

    /** The instance running the job (see {@code JobLeases.instance()}); null before any has taken it. */
    @Column(length = 100)
    public String holder;

    /** The holder's lease: once it has run out (the holder died or stopped), any instance may take the job. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    /**
     * The oldest unfinished job no live instance holds, or null. A job is free once its lease has run out, or at
     * once when it was held by an earlier process at {@code address} (host:port/): this process holds that port
     * now, so that one is gone (a restarted instance resumes its own jobs without waiting out their lease).
     */
    static Long oldestFree(Instant now, String holder, String address) {
        return getEntityManager().createQuery("select id from ImportJobEntity where " + FREE + " order by id", Long.class)
                .setParameter("holder", holder).setParameter("now", now).setParameter("unfinished", UNFINISHED)
                .setParameter("address", address + "%").setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    private static final List<ImportState> UNFINISHED = List.of(ImportState.QUEUED, ImportState.RUNNING);

    /** Unfinished, and no live instance holds it. */
    private static final String FREE = "state in :unfinished and (leaseUntil is null or leaseUntil < :now"
            + " or (holder like :address and holder <> :holder))";

    /**
     * Takes a free job (see {@link #oldestFree}) for {@code holder}: one conditional update, so of several instances
     * exactly one gets it. @return whether {@code holder} now runs the job
     */
    static boolean take(long id, String holder, String address, Instant now, Instant until) {
        return update("holder = :holder, leaseUntil = :until, state = :running, startedAt = coalesce(startedAt, :now)"
                        + " where id = :id and " + FREE,
                Parameters.with("holder", holder).and("until", until).and("running", ImportState.RUNNING).and("now", now)
                        .and("id", id).and("unfinished", UNFINISHED).and("address", address + "%")) == 1;
    }

    /** Moves on the lease of the job {@code holder} is running: it is alive. */
    static void renew(long id, String holder, Instant until) {
        update("leaseUntil = ?1 where id = ?2 and holder = ?3 and state = ?4", until, id, holder, ImportState.RUNNING);
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
