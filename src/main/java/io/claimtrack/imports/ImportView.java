package io.claimtrack.imports;

import java.time.Instant;
import java.util.List;

/**
 * An import as the API shows it. {@code linesRead} counts every line processed (blank ones too), so
 * {@code linesRead - stored - rejected} is the number of blank lines skipped. {@code runningOn} names the
 * instance (host:port/random) running the job now, while it runs.
 */
public record ImportView(long id, ImportState state, long bytes, Long totalLines, long linesRead, long stored,
                         long rejected, long threadsEvaluated, List<LineError> errors, String submittedBy,
                         Instant submittedAt, Instant startedAt, Instant finishedAt, String failure, String runningOn) {

    /** Lines read of the upload's, in whole percent (null when the total is not known). */
    public Integer percentDone() {
        return totalLines == null || totalLines == 0 ? null : (int) Math.min(100, linesRead * 100 / totalLines);
    }

    /** Lines read per second since the job started, up to its end or now. */
    public long linesPerSecond() {
        if (startedAt == null) {
            return 0;
        }
        long millis = java.time.Duration.between(startedAt, finishedAt != null ? finishedAt : Instant.now()).toMillis();
        return millis <= 0 ? linesRead : linesRead * 1000 / millis;
    }

    /** A rejected line; {@code field} is null when the line as a whole is at fault (not JSON, too long). */
    public record LineError(long line, String field, String message) {
    }

    static ImportView of(ImportJobEntity job) {
        List<LineError> errors = ImportErrorEntity.ofJob(job.id).stream()
                .map(e -> new LineError(e.line, e.field, e.message)).toList();
        return new ImportView(job.id, job.state, job.bytes, job.totalLines, job.linesRead, job.stored, job.rejected,
                job.threadsEvaluated, errors, job.submittedBy, job.submittedAt, job.startedAt, job.finishedAt,
                job.failure, job.state == ImportState.RUNNING ? job.holder : null);
    }
}
