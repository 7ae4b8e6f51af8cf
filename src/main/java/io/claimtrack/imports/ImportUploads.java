package io.claimtrack.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.refusal.TooLarge;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * An import's upload, from the request body until its job has read it. The body goes to a temporary file
 * first (an upload of any size never sits in memory, and a refused one leaves nothing); the job then keeps
 * it in the database, in parts of at most 1 MiB, so that whichever instance runs the job can read it, and
 * another can resume it. Parts are cut after a line's end where the part has one, and record how many lines
 * end before them: a resumed job starts at the last part that begins at or before its next line.
 */
@ApplicationScoped
public class ImportUploads {

    static final int PART_BYTES = 1024 * 1024;

    private final EntityManager entityManager;
    private final Path directory;
    private final long maxBytes;

    public ImportUploads(EntityManager entityManager, @ConfigProperty(name = "claimtrack.data-dir") Path dataDir,
                         @ConfigProperty(name = "claimtrack.imports.max-bytes") long maxBytes) {
        this.entityManager = entityManager;
        this.directory = dataDir.resolve("imports");
        this.maxBytes = maxBytes;
    }

    /** Copies the body to a temporary file; refused as too large (and nothing kept) past {@code claimtrack.imports.max-bytes}. */
    Path receive(InputStream body) throws IOException {
        return receive(body, maxBytes, "claimtrack.imports.max-bytes");
    }

    /** As {@link #receive(InputStream)}, refused past {@code maxBytes} (the setting named {@code setting}). */
    Path receive(InputStream body, long maxBytes, String setting) throws IOException {
        Path upload = temporaryFile();
        try (InputStream in = body; OutputStream out = Files.newOutputStream(upload)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = read(in, buffer, maxBytes)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLarge("The upload is larger than " + maxBytes
                            + " bytes (" + setting + "); split it into several imports");
                }
                out.write(buffer, 0, n);
            }
            return upload;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(upload);
            throw e;
        }
    }

    /** A new, empty file for an upload, where uploads wait until their job keeps them. */
    Path temporaryFile() throws IOException {
        Files.createDirectories(directory);
        return Files.createTempFile(directory, "upload-", ".ndjson");
    }

    /** A read of the request body that fails is the client's doing (it went away mid-upload), not a server error. */
    private int read(InputStream in, byte[] buffer, long maxBytes) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new InvalidInput("The upload could not be read to its end (" + e.getMessage()
                    + "); at most " + maxBytes + " bytes are taken");
        }
    }

    /**
     * Keeps a received upload as the job's, in the job's transaction: the job and its upload commit together.
     * @return how many lines it holds
     */
    @Transactional(Transactional.TxType.MANDATORY)
    long keep(long jobId, Path upload) throws IOException {
        long linesBefore = 0;
        boolean startsLine = true;
        try (InputStream in = Files.newInputStream(upload)) {
            byte[] buffer = new byte[PART_BYTES];
            int filled = 0;
            boolean ended = false;
            int seq = 0;
            while (true) {
                while (!ended && filled < PART_BYTES) {
                    int n = in.read(buffer, filled, PART_BYTES - filled);
                    ended = n == -1;
                    filled += Math.max(n, 0);
                }
                if (filled == 0) {
                    break;
                }
                // Cut after the last line's end; a line longer than a whole part is cut where the part is full.
                int lastNewline = ended ? -1 : lastIndexOf(buffer, filled, (byte) '\n');
                int cut = lastNewline >= 0 ? lastNewline + 1 : filled;
                byte[] part = Arrays.copyOf(buffer, cut);
                insert(jobId, seq++, linesBefore, startsLine, part);
                linesBefore += count(part, (byte) '\n');
                startsLine = part[cut - 1] == '\n';
                System.arraycopy(buffer, cut, buffer, 0, filled - cut);
                filled -= cut;
            }
        }
        Files.deleteIfExists(upload);
        return startsLine ? linesBefore : linesBefore + 1; // a last line without its line end is a line too
    }

    // The parts are bytes written once and read in order: plain SQL, not entities the session would keep.
    private void insert(long jobId, int seq, long linesBefore, boolean startsLine, byte[] content) {
        entityManager.createNativeQuery("insert into import_part (job_id, seq, lines_before, starts_line, content)"
                        + " values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, jobId).setParameter(2, seq).setParameter(3, linesBefore).setParameter(4, startsLine)
                .setParameter(5, content).executeUpdate();
    }

    /** The upload's lines after the first {@code linesRead}, read a part at a time, each in a short transaction of its own. */
    NdjsonReader read(long jobId, long linesRead) throws IOException {
        Object[] start = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                        "select seq, lines_before from import_part where job_id = ?1 and starts_line and lines_before <= ?2"
                                + " order by seq desc")
                .setParameter(1, jobId).setParameter(2, linesRead).setMaxResults(1).getResultStream().findFirst()
                .orElse(null));
        if (start == null) {
            return new NdjsonReader(new InputStreamReader(InputStream.nullInputStream(), StandardCharsets.UTF_8), 0);
        }
        NdjsonReader reader = new NdjsonReader(new InputStreamReader(new Parts(jobId, ((Number) start[0]).intValue()),
                StandardCharsets.UTF_8), ((Number) start[1]).longValue());
        reader.skip(linesRead);
        return reader;
    }

    /**
     * Drops finished jobs' uploads, {@value #PARTS_PER_DISCARD} parts to a transaction. Deleting a whole upload
     * in the transaction that finished its job made H2 hold the deletion of a million-line import (148 parts)
     * in memory: it ran out of heap and closed the database. Run after each job and at each look for jobs,
     * so what a crash between a job's end and this left behind goes too.
     */
    @Transactional(Transactional.TxType.NEVER)
    void discardFinished() {
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                    "delete from import_part where (job_id, seq) in (select p.job_id, p.seq from import_part p"
                            + " join import_job j on j.id = p.job_id where j.finished_at is not null"
                            + " order by p.job_id, p.seq limit " + PARTS_PER_DISCARD + ")").executeUpdate());
        } while (deleted > 0);
    }

    static final int PARTS_PER_DISCARD = 8;

    private static int lastIndexOf(byte[] bytes, int length, byte b) {
        for (int i = length - 1; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static long count(byte[] bytes, byte b) {
        long count = 0;
        for (byte each : bytes) {
            if (each == b) {
                count++;
            }
        }
        return count;
    }

    /** The parts from {@code seq} on, as one stream; the next part is fetched when the last is read. */
    private final class Parts extends InputStream {
        private final long jobId;
        private int seq;
        private byte[] part = new byte[0];
        private int position;
        private boolean ended;

        Parts(long jobId, int seq) {
            this.jobId = jobId;
            this.seq = seq;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            while (position == part.length) {
                if (ended) {
                    return -1;
                }
                byte[] next = QuarkusTransaction.requiringNew().call(() -> (byte[]) entityManager.createNativeQuery(
                                "select content from import_part where job_id = ?1 and seq = ?2")
                        .setParameter(1, jobId).setParameter(2, seq).getResultStream().findFirst().orElse(null));
                if (next == null) {
                    ended = true;
                    return -1;
                }
                seq++;
                part = next;
                position = 0;
            }
            int n = Math.min(length, part.length - position);
            System.arraycopy(part, position, into, offset, n);
            position += n;
            return n;
        }
    }
}
