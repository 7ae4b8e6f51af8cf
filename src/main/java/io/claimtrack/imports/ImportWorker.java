package io.claimtrack.imports;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs imports one at a time, in the order they came, on a thread of its own. Each chunk commits on
 * its own; a chunk that fails as a whole (a database error, not a bad line) is retried line by line, so
 * one line's trouble never costs the others. Jobs a stop interrupted carry on at the next start.
 */
@ApplicationScoped
public class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);

    private final ImportChunks chunks;
    private final ImportFiles files;
    private final Clock clock;
    private final int chunkLines;
    private volatile boolean stopping;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "claimtrack-import");
        thread.setDaemon(true);
        return thread;
    });

    public ImportWorker(ImportChunks chunks, ImportFiles files, Clock clock,
                        @ConfigProperty(name = "claimtrack.imports.chunk-lines") int chunkLines) {
        this.chunks = chunks;
        this.files = files;
        this.clock = clock;
        this.chunkLines = chunkLines;
    }

    /** After the ruleset is active and interrupted evaluations are mended. */
    void onStart(@Observes @Priority(200) StartupEvent start) {
        List<Long> unfinished = QuarkusTransaction.requiringNew()
                .call(() -> ImportJobEntity.unfinished().stream().map(job -> job.id).toList());
        unfinished.forEach(this::enqueue);
        if (!unfinished.isEmpty()) {
            LOG.infof("Resuming %d unfinished imports: %s", unfinished.size(), unfinished);
        }
    }

    /**
     * A running job stops after its current chunk commits and resumes at the next start. The thread is
     * not interrupted: an interrupt inside a JDBC call could close the database file under it.
     */
    void onStop(@Observes ShutdownEvent stop) throws InterruptedException {
        stopping = true;
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }

    void enqueue(long jobId) {
        executor.execute(() -> run(jobId, chunkLines));
    }

    /** Runs the job in the calling thread, {@code chunkLines} lines to a transaction. */
    void run(long jobId, int chunkLines) {
        long resumeAfter = QuarkusTransaction.requiringNew().call(() -> {
            ImportJobEntity job = ImportJobEntity.findById(jobId);
            job.state = ImportState.RUNNING;
            if (job.startedAt == null) {
                job.startedAt = clock.instant();
            }
            return job.linesRead;
        });
        try (NdjsonReader reader = new NdjsonReader(
                new InputStreamReader(Files.newInputStream(files.of(jobId)), StandardCharsets.UTF_8))) {
            reader.skip(resumeAfter);
            List<NdjsonReader.Line> chunk = new ArrayList<>(chunkLines);
            NdjsonReader.Line line;
            while ((line = reader.next()) != null) {
                chunk.add(line);
                if (chunk.size() == chunkLines) {
                    store(jobId, chunk);
                    chunk.clear();
                }
                if (stopping) {
                    return; // the job stays RUNNING and resumes at the next start
                }
            }
            if (!chunk.isEmpty()) {
                store(jobId, chunk);
            }
            finish(jobId, ImportState.DONE, null);
            files.discard(jobId);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Import #%d failed", jobId);
            finish(jobId, ImportState.FAILED, "stopped: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private void store(long jobId, List<NdjsonReader.Line> chunk) {
        try {
            chunks.store(jobId, chunk);
        } catch (RuntimeException chunkFailed) {
            LOG.warnf("Import #%d: lines %d-%d failed as a chunk (%s); storing them one by one", jobId,
                    chunk.get(0).number(), chunk.get(chunk.size() - 1).number(), chunkFailed.toString());
            for (NdjsonReader.Line line : chunk) {
                try {
                    chunks.store(jobId, List.of(line));
                } catch (RuntimeException lineFailed) {
                    LOG.warnf(lineFailed, "Import #%d: line %d could not be stored", jobId, line.number());
                    chunks.reject(jobId, line, "could not be stored: " + lineFailed.getClass().getSimpleName()
                            + "; the line was not written (see the server log)");
                }
            }
        }
    }

    private void finish(long jobId, ImportState state, String failure) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJobEntity job = ImportJobEntity.findById(jobId);
            job.state = state;
            job.failure = failure;
            job.finishedAt = clock.instant();
        });
    }
}
