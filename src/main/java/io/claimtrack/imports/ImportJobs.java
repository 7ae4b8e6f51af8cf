package io.claimtrack.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.claimtrack.refusal.NotFound;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Imports as the API sees them: an upload queued as a job, its progress, the latest jobs. */
@ApplicationScoped
public class ImportJobs {

    private final ImportUploads uploads;
    private final ImportWorker worker;
    private final Clock clock;
    private final ClaimReviewReader claimReviews;
    private final ObjectMapper mapper;
    private final RatingMapping ratings;

    public ImportJobs(ImportUploads uploads, ImportWorker worker, Clock clock, ObjectMapper mapper, RatingMapping ratings) {
        this.uploads = uploads;
        this.worker = worker;
        this.clock = clock;
        this.mapper = mapper;
        this.ratings = ratings;
        this.claimReviews = new ClaimReviewReader(mapper);
    }

    /** Takes the upload to disk and queues a job for it; the job runs in the background. */
    public ImportView queue(InputStream body, String by) throws IOException {
        Path upload = uploads.receive(body);
        ImportView job = keep(upload, Files.size(upload), by, false);
        worker.lookForJobs();
        return job;
    }

    /**
     * Reads other fact-checkers' reviews from a ClaimReview document or page ({@code html}) and queues a job that
     * stores them, one review to a line: its progress and errors are counted in reviews, in the upload's order.
     * A document that is not JSON, or holds no ClaimReview, is refused here and queues nothing.
     */
    public ImportView queueClaimReviews(InputStream body, boolean html, String by) throws IOException {
        Path document = uploads.receive(body, ratings.maxBytes(), "claimtrack.claimreview-in.max-bytes");
        Path lines = null;
        long bytes = Files.size(document);
        try {
            List<ForeignReview> reviews = html ? claimReviews.fromHtml(document) : claimReviews.fromJson(document);
            lines = uploads.temporaryFile();
            try (Writer out = Files.newBufferedWriter(lines, StandardCharsets.UTF_8)) {
                for (ForeignReview review : reviews) {
                    ObjectNode line = mapper.createObjectNode().put("type", ForeignReview.TYPE);
                    line.setAll((ObjectNode) mapper.valueToTree(review));
                    out.write(mapper.writeValueAsString(line));
                    out.write('\n');
                }
            }
        } catch (IOException | RuntimeException e) {
            if (lines != null) {
                Files.deleteIfExists(lines);
            }
            throw e;
        } finally {
            Files.deleteIfExists(document);
        }
        ImportView job = keep(lines, bytes, by, false);
        worker.lookForJobs();
        return job;
    }

    /**
     * Runs an import here and now, a line to a chunk, so each claim is evaluated as it arrives, as if
     * submitted (the demo data at first start). @return the finished job
     */
    public ImportView runNow(InputStream body, String by) throws IOException {
        Path upload = uploads.receive(body);
        ImportView job = keep(upload, Files.size(upload), by, true);
        worker.run(job.id(), 1);
        return get(job.id());
    }

    /** Queues a job for the upload ({@code bytes} the size of what was sent); {@code runHere}: taken by this instance at once, for the caller to run. */
    private ImportView keep(Path upload, long bytes, String by, boolean runHere) throws IOException {
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
                queued.totalLines = uploads.keep(queued.id, upload);
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
