package io.claimtrack.imports;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.claimtrack.store.JobLeases;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs imports, one at a time per instance, oldest first, on a thread of its own. A job is taken in the
 * database under a lease that this instance renews while it lives; any instance takes a job no live
 * instance holds, so a job whose instance died or stopped is resumed by another (or by this one after a
 * restart) from its last committed line. Each chunk commits on its own, and only while this instance
 * still holds the job and the chunk is the job's next; a chunk that fails as a whole (a database error,
 * not a bad line) is retried line by line, so one line's trouble never costs the others.
 */
@ApplicationScoped
public class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);

    private final ImportChunks chunks;
    private final ImportUploads uploads;
    private final Clock clock;
    private final String instance;
    /** host:port/ of this instance's name: a job held under it by another name was an earlier process's here. */
    private final String address;
    private final int chunkLines;
    private final Duration lease;
    private volatile boolean stopping;
    /** The job this instance is running now: the only lease its heartbeat renews (one it gave up runs out). */
    private volatile Long running;
    // One runner; at most one more look waits behind it, and further looks meanwhile are dropped (it will see their jobs).
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1), r -> {
                Thread thread = new Thread(r, "claimtrack-import");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    public ImportWorker(ImportChunks chunks, ImportUploads uploads, Clock clock, JobLeases leases,
                        @ConfigProperty(name = "claimtrack.imports.chunk-lines") int chunkLines,
                        @ConfigProperty(name = "claimtrack.imports.lease") Duration lease,
                        @ConfigProperty(name = "claimtrack.imports.look-every") Duration lookEvery) {
        if (lease.compareTo(lookEvery.multipliedBy(2)) < 0) {
            // A lease that can run out between two renewals would let instances take each other's running jobs.
            throw new IllegalStateException("claimtrack.imports.lease (" + lease + ") must be at least twice"
                    + " claimtrack.imports.look-every (" + lookEvery + "), which is how often a running import's lease is renewed");
        }
        this.chunks = chunks;
        this.uploads = uploads;
        this.clock = clock;
        this.instance = leases.instance();
        this.address = instance.substring(0, instance.lastIndexOf('/') + 1);
        this.chunkLines = chunkLines;
        this.lease = lease;
    }

    /** After the ruleset is active and interrupted evaluations are mended: jobs nobody runs are taken up. */
    void onStart(@Observes @Priority(200) StartupEvent start) {
        lookForJobs();
    }

    /** Keeps this instance's leases alive, and takes up jobs that no live instance holds. */
    @Scheduled(every = "${claimtrack.imports.look-every}", delayed = "${claimtrack.imports.look-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        if (stopping) {
            return;
        }
        Long job = running;
        try {
            if (job != null) {
                QuarkusTransaction.requiringNew().run(() -> ImportJobEntity.renew(job, instance, clock.instant().plus(lease)));
            }
        } catch (RuntimeException unreachable) {
            // The database is away (readiness says so); the next beat tries again. A lease that ran out meanwhile
            // may be taken by another instance: this one's next chunk then finds the job is no longer its own.
            LOG.debugf("Import leases not renewed: %s", unreachable.getMessage());
            return;
        }
        lookForJobs();
    }

    /**
     * A running job stops after its current chunk commits and gives up its lease, so another instance (or
     * this one at its next start) resumes it. The thread is not interrupted: an interrupt inside a JDBC call
     * could close the database file under it.
     */
    void onStop(@Observes ShutdownEvent stop) throws InterruptedException {
        stopping = true;
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** A job was queued here: look now rather than at the next heartbeat. */
    void lookForJobs() {
        executor.execute(this::runFreeJobs);
    }

    private void runFreeJobs() {
        try {
            Long jobId;
            while (!stopping && (jobId = takeFreeJob()) != null) {
                run(jobId, chunkLines);
            }
            uploads.discardFinished(); // what a crash left of finished jobs' uploads
        } catch (RuntimeException unreachable) {
            // The database went away while jobs were looked for or ended: they stay RUNNING under a lease that runs
            // out, and are resumed from their last committed line when it is back.
            LOG.warnf("Imports paused: %s", unreachable.getMessage());
        }
    }

    private Long takeFreeJob() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            Long free;
            while ((free = ImportJobEntity.oldestFree(now, instance, address)) != null) {
                if (ImportJobEntity.take(free, instance, address, now, now.plus(lease))) {
                    return free;
                }
            }
            return null;
        });
    }

    /** Takes a new job for this instance at once, in the transaction that queues it (the caller runs it itself). */
    void holdNew(ImportJobEntity job) {
        job.state = ImportState.RUNNING;
        job.holder = instance;
        job.startedAt = clock.instant();
        job.leaseUntil = job.startedAt.plus(lease);
    }

    /** Runs a job this instance holds, in the calling thread, {@code chunkLines} lines to a transaction. */
    void run(long jobId, int chunkLines) {
        running = jobId;
        try {
            runHeld(jobId, chunkLines);
        } finally {
            running = null;
        }
    }

    private void runHeld(long jobId, int chunkLines) {
        long resumeAfter = QuarkusTransaction.requiringNew().call(() -> ImportJobEntity.<ImportJobEntity>findById(jobId).linesRead);
        try (NdjsonReader reader = uploads.read(jobId, resumeAfter)) {
            List<NdjsonReader.Line> chunk = new ArrayList<>(chunkLines);
            NdjsonReader.Line line;
            while ((line = reader.next()) != null) {
                chunk.add(line);
                if (chunk.size() == chunkLines) {
                    store(jobId, chunk);
                    chunk.clear();
                }
                if (stopping) {
                    release(jobId); // the job stays RUNNING; whoever takes it next resumes it
                    return;
                }
            }
            if (!chunk.isEmpty()) {
                store(jobId, chunk);
            }
            finish(jobId, reader.linesRead(), ImportState.DONE, null);
        } catch (ImportTakenOver takenOver) {
            LOG.warnf("Import #%d was taken over by another instance (this one held it past its lease); it stops here", jobId);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Import #%d failed", jobId);
            finish(jobId, -1, ImportState.FAILED, "stopped: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private void store(long jobId, List<NdjsonReader.Line> chunk) {
        try {
            chunks.store(jobId, instance, chunk);
        } catch (ImportTakenOver takenOver) {
            throw takenOver;
        } catch (RuntimeException chunkFailed) {
            LOG.warnf("Import #%d: lines %d-%d failed as a chunk (%s); storing them one by one", jobId,
                    chunk.get(0).number(), chunk.get(chunk.size() - 1).number(), chunkFailed.toString());
            for (NdjsonReader.Line line : chunk) {
                try {
                    chunks.store(jobId, instance, List.of(line));
                } catch (ImportTakenOver takenOver) {
                    throw takenOver;
                } catch (RuntimeException lineFailed) {
                    LOG.warnf(lineFailed, "Import #%d: line %d could not be stored", jobId, line.number());
                    chunks.reject(jobId, instance, line, "could not be stored: " + lineFailed.getClass().getSimpleName()
                            + "; the line was not written (see the server log)");
                }
            }
        }
    }

    private void release(long jobId) {
        QuarkusTransaction.requiringNew().run(() ->
                ImportJobEntity.update("leaseUntil = ?1 where id = ?2 and holder = ?3", clock.instant(), jobId, instance));
    }

    /**
     * Ends the job, with its upload dropped. {@code linesRead} is the whole upload's count for a job that
     * finished (it must have read them all: else another instance moved it on), -1 for one that failed.
     */
    private void finish(long jobId, long linesRead, ImportState state, String failure) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJobEntity job = linesRead >= 0 ? ImportJobEntity.heldBy(jobId, instance, linesRead)
                    : ImportJobEntity.findById(jobId);
            if (!instance.equals(job.holder)) {
                return; // failed here after another instance took it over: its run decides how it ends
            }
            job.state = state;
            job.failure = failure;
            job.finishedAt = clock.instant();
            job.holder = null;
            job.leaseUntil = null;
        });
        uploads.discardFinished();
    }
}
