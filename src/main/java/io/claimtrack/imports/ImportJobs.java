package io.claimtrack.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.claimtrack.refusal.NotFound;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Imports as the API sees them: an upload queued as a job, its progress, the latest jobs. */
@ApplicationScoped
public class ImportJobs {

    private final ImportUploads uploads;
    private final ImportWorker worker;
    private final Clock clock;

    public ImportJobs(ImportUploads uploads, ImportWorker worker, Clock clock) {
        this.uploads = uploads;
        this.worker = worker;
        this.clock = clock;
    }

    /** Takes the upload to disk and queues a job for it; the job runs in the background. */
    public ImportView queue(InputStream body, String by) throws IOException {
        ImportView job = keep(body, by, false);
        worker.lookForJobs();
        return job;
    }

    /**
     * Runs an import here and now, a line to a chunk, so each claim is evaluated as it arrives, as if
     * submitted (the demo data at first start). @return the finished job
     */
    public ImportView runNow(InputStream body, String by) throws IOException {
        ImportView job = keep(body, by, true);
        worker.run(job.id(), 1);
        return get(job.id());
    }

    /** Queues a job for the upload; {@code runHere}: taken by this instance at once, for the caller to run. */
    private ImportView keep(InputStream body, String by, boolean runHere) throws IOException {
        Path upload = uploads.receive(body);
        long bytes = Files.size(upload);
        ImportView job;
        try {
            // The job and its upload are kept together: if the upload cannot be stored, the job is not committed.
            job = QuarkusTransaction.requiringNew().call(() -> {
                ImportJobEntity queued = new ImportJobEntity();
                queued.state = ImportState.QUEUED;
                queued.submittedBy = by;
                queued.submittedAt = clock.instant();
                queued.bytes = bytes;
                if (runHere) {
                    worker.holdNew(queued);
                }
                queued.persist();
                uploads.keep(queued.id, upload);
                return ImportView.of(queued);
            });
        } catch (RuntimeException e) {
            Files.deleteIfExists(upload);
            throw e;
        }
        return job;
    }

    /** A job's state and progress, with its first rejected lines. */
    public ImportView get(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJobEntity job = ImportJobEntity.findById(id);
            if (job == null) {
                throw NotFound.of("import", id);
            }
            return ImportView.of(job);
        });
    }

    /** The latest {@code count} jobs, newest first. */
    public List<ImportView> latest(int count) {
        return QuarkusTransaction.requiringNew().call(() -> ImportJobEntity.<ImportJobEntity>find("order by id desc")
                .page(0, count).list().stream().map(ImportView::of).toList());
    }
}
