package io.claimtrack.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.claim.ClaimEntity;
import io.claimtrack.store.JobLeases;
import io.claimtrack.testing.Api;
import io.claimtrack.testing.Await;
import io.claimtrack.testing.TestUsers;
import io.claimtrack.time.MovableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Imports run by several instances on one database: the upload is kept in the database in parts and read
 * from any line; a job whose instance died is resumed from its last committed line by another; a job a
 * live instance holds is left alone; and an instance that lost its job writes nothing more.
 */
@QuarkusTest
class ImportTakeoverTest {

    @Inject
    ImportUploads uploads;

    @Inject
    ImportWorker worker;

    @Inject
    ImportChunks chunks;

    @Inject
    MovableClock clock;

    @Inject
    JobLeases leases;

    private String run;
    private String claimant;

    @BeforeEach
    void setUp() {
        TestUsers.signInAsDesk();
        run = UUID.randomUUID().toString().substring(0, 8);
        claimant = Api.ensureActor("Importer " + run);
    }

    @Test
    void shouldReadAnUploadFromAnyLineWhereverItsPartsAreCut() throws IOException {
        // Short lines, then one longer than a whole part (cut without a line's end), then short lines again.
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 3000; i++) {
            lines.add("line " + i + " " + "x".repeat(500));
        }
        lines.add("y".repeat(ImportUploads.PART_BYTES + ImportUploads.PART_BYTES / 2));
        for (int i = 3002; i <= 4000; i++) {
            lines.add("line " + i);
        }
        long jobId = job(ImportState.DONE, null, null, 0, String.join("\n", lines) + "\n");
        long parts = QuarkusTransaction.requiringNew().call(() -> ((Number) ImportJobEntity.getEntityManager()
                .createNativeQuery("select count(*) from import_part where job_id = ?1").setParameter(1, jobId)
                .getSingleResult()).longValue());
        assertTrue(parts >= 4, "the upload is kept in several parts: " + parts);

        for (long linesRead : List.of(0L, 1L, 2047L, 2048L, 2999L, 3000L, 3001L, 3002L, 3999L)) {
            try (NdjsonReader reader = uploads.read(jobId, linesRead)) {
                NdjsonReader.Line next = reader.next();
                assertEquals(linesRead + 1, next.number(), "the line after " + linesRead);
                String expected = lines.get((int) linesRead);
                if (expected.length() > NdjsonReader.MAX_LINE) {
                    assertTrue(next.tooLong(), "line " + next.number() + " is reported as too long");
                } else {
                    assertEquals(expected, next.text(), "line " + next.number());
                }
            }
        }
        try (NdjsonReader reader = uploads.read(jobId, 4000)) {
            assertNull(reader.next(), "nothing after the last line");
        }
    }

    @Test
    void shouldResumeTheJobOfADeadInstanceAndLeaveALiveInstancesJobAlone() {
        Instant now = clock.instant();
        long held = job(ImportState.RUNNING, "instance-alive", now.plus(Duration.ofHours(1)), 0, claims("held", 3));
        // The dead instance committed lines 1 and 2 (their claims are its business), then died: its lease ran out.
        long orphan = job(ImportState.RUNNING, "instance-dead", now.minusSeconds(1), 2, claims("orphan", 5));

        worker.lookForJobs();
        ImportView resumed = Await.until("the orphaned import is finished", Duration.ofSeconds(60),
                () -> QuarkusTransaction.requiringNew().call(() -> ImportView.of(ImportJobEntity.findById(orphan))),
                job -> job.state() == ImportState.DONE);

        assertEquals(5, resumed.linesRead());
        assertEquals(3, resumed.stored(), "lines 3 to 5, not the dead instance's lines again");
        for (int line = 1; line <= 5; line++) {
            assertEquals(line <= 2 ? 0 : 1, claimsNamed("orphan", line), "claims of line " + line);
        }
        ImportJobEntity untouched = QuarkusTransaction.requiringNew().call(() -> ImportJobEntity.findById(held));
        assertEquals("instance-alive", untouched.holder, "a live instance's job is not taken");
        assertEquals(0, untouched.linesRead);
        assertEquals(0, claimsNamed("held", 1));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) ImportJobEntity.getEntityManager()
                .createNativeQuery("select count(*) from import_part where job_id = ?1").setParameter(1, orphan)
                .getSingleResult()).longValue()), "a finished job's upload is dropped");
    }

    @Test
    void shouldResumeAtOnceTheJobOfAnEarlierProcessOnThisInstancesAddress() {
        // host:port/random: the earlier process on this host and port was killed, its lease not yet run out.
        String address = leases.instance().substring(0, leases.instance().lastIndexOf('/') + 1);
        long earlier = job(ImportState.RUNNING, address + "earlier1", clock.instant().plus(Duration.ofHours(1)), 1,
                claims("restarted", 3));

        worker.lookForJobs();
        ImportView resumed = Await.until("the earlier process's import is finished", Duration.ofSeconds(60),
                () -> QuarkusTransaction.requiringNew().call(() -> ImportView.of(ImportJobEntity.findById(earlier))),
                job -> job.state() == ImportState.DONE);
        assertEquals(2, resumed.stored(), "lines 2 and 3");
        assertEquals(0, claimsNamed("restarted", 1));
        assertEquals(1, claimsNamed("restarted", 3));
    }

    @Test
    void shouldWriteNothingOnceTheJobIsAnotherInstancesOrItsLinesWereStored() {
        Instant later = clock.instant().plus(Duration.ofHours(1));
        long other = job(ImportState.RUNNING, "instance-other", later, 0, claims("lost", 1));
        NdjsonReader.Line first = new NdjsonReader.Line(1, claimLine("lost", 1));
        assertThrows(ImportTakenOver.class, () -> chunks.store(other, "instance-me", List.of(first)));
        assertThrows(ImportTakenOver.class, () -> chunks.reject(other, "instance-me", first, "a reason"));

        long mine = job(ImportState.RUNNING, "instance-me", later, 1, claims("again", 2));
        NdjsonReader.Line storedBefore = new NdjsonReader.Line(1, claimLine("again", 1));
        assertThrows(ImportTakenOver.class, () -> chunks.store(mine, "instance-me", List.of(storedBefore)),
                "a line the job has read already is not stored twice");
        assertEquals(0, claimsNamed("lost", 1));
        assertEquals(0, claimsNamed("again", 1));
        chunks.store(mine, "instance-me", List.of(new NdjsonReader.Line(2, claimLine("again", 2))));
        assertEquals(1, claimsNamed("again", 2), "the job's next line is stored");
    }

    private long job(ImportState state, String holder, Instant leaseUntil, long linesRead, String upload) {
        try {
            Path file = Files.createTempFile("import-takeover", ".ndjson");
            Files.writeString(file, upload, StandardCharsets.UTF_8);
            return QuarkusTransaction.requiringNew().call(() -> {
                ImportJobEntity job = new ImportJobEntity();
                job.state = state;
                job.submittedBy = TestUsers.DESK;
                job.submittedAt = clock.instant();
                job.bytes = Files.size(file);
                job.holder = holder;
                job.leaseUntil = leaseUntil;
                job.linesRead = linesRead;
                job.persist();
                uploads.keep(job.id, file);
                return job.id;
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String claims(String name, int count) {
        List<String> lines = new ArrayList<>();
        for (int line = 1; line <= count; line++) {
            lines.add(claimLine(name, line));
        }
        return String.join("\n", lines);
    }

    private String claimLine(String name, int line) {
        return "{\"type\": \"claim\", \"text\": \"" + name + " " + run + " line " + line + "\", \"claimant\": \""
                + claimant + "\", \"assertedAt\": \"" + clock.instant().minus(Duration.ofHours(1)) + "\"}";
    }

    private long claimsNamed(String name, int line) {
        return QuarkusTransaction.requiringNew().call(() -> ClaimEntity.count("text", name + " " + run + " line " + line));
    }
}
