package io.claimtrack.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.refusal.TooLarge;


/**
 * Uploads wait on disk (under the data directory) until their job has read them: a job survives a
 * restart, and an upload of any size never sits in memory.
 */
@ApplicationScoped
public class ImportFiles {

    private final Path directory;
    private final long maxBytes;

    public ImportFiles(@ConfigProperty(name = "claimtrack.data-dir") Path dataDir,
                       @ConfigProperty(name = "claimtrack.imports.max-bytes") long maxBytes) {
        this.directory = dataDir.resolve("imports");
        this.maxBytes = maxBytes;
    }

    /** Copies the body to a temporary file; refused as too large (and nothing kept) past {@code claimtrack.imports.max-bytes}. */
    Path receive(InputStream body) throws IOException {
        Files.createDirectories(directory);
        Path upload = Files.createTempFile(directory, "upload-", ".ndjson");
        try (InputStream in = body; OutputStream out = Files.newOutputStream(upload)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = read(in, buffer)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLarge("The upload is larger than " + maxBytes
                            + " bytes (claimtrack.imports.max-bytes); split it into several imports");
                }
                out.write(buffer, 0, n);
            }
            return upload;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(upload);
            throw e;
        }
    }

    /** A read of the request body that fails is the client's doing (it went away mid-upload), not a server error. */
    private int read(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new InvalidInput("The upload could not be read to its end (" + e.getMessage()
                    + "); at most " + maxBytes + " bytes are taken");
        }
    }

    /** Gives a received upload its job's name. */
    void keep(Path upload, long jobId) throws IOException {
        Files.move(upload, of(jobId), StandardCopyOption.ATOMIC_MOVE);
    }

    Path of(long jobId) {
        return directory.resolve("import-" + jobId + ".ndjson");
    }

    void discard(long jobId) throws IOException {
        Files.deleteIfExists(of(jobId));
    }
}
