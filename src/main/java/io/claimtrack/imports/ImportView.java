package io.claimtrack.imports;

import java.time.Instant;
import java.util.List;

/**
 * An import as the API shows it. {@code linesRead} counts every line processed (blank ones too), so
 * {@code linesRead - stored - rejected} is the number of blank lines skipped. {@code runningOn} names the
 * instance (host:port/random) running the job now, while it runs.
 */
public record ImportView(long id, ImportState state, long bytes, long linesRead, long stored, long rejected,
                         long threadsEvaluated, List<LineError> errors, String submittedBy, Instant submittedAt,
                         Instant startedAt, Instant finishedAt, String failure, String runningOn) {

    /** A rejected line; {@code field} is null when the line as a whole is at fault (not JSON, too long). */
    public record LineError(long line, String field, String message) {
    }

    static ImportView of(ImportJobEntity job) {
        List<LineError> errors = ImportErrorEntity.ofJob(job.id).stream()
                .map(e -> new LineError(e.line, e.field, e.message)).toList();
        return new ImportView(job.id, job.state, job.bytes, job.linesRead, job.stored, job.rejected,
                job.threadsEvaluated, errors, job.submittedBy, job.submittedAt, job.startedAt, job.finishedAt,
                job.failure, job.state == ImportState.RUNNING ? job.holder : null);
    }
}
