package io.claimtrack.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.h2.tools.RunScript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.claimtrack.facts.Actor;
import io.claimtrack.facts.Claim;

/**
 * B4, ingest: the archive as one NDJSON import into the running app (claims/s, upload to DONE), against a
 * raw JDBC batch insert of the same actors and claims into a fresh H2 file with claimtrack's schema (no
 * statuses, no checks: the floor).
 */
final class IngestBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IngestBenchmark() {
    }

    /** @return claims stored per second */
    static double importInto(Report report, RunningApp app, SyntheticArchive archive, Path work)
            throws IOException, InterruptedException {
        Path file = work.resolve("archive-" + archive.claims.size() + ".ndjson");
        if (!Files.exists(file)) {
            archive.writeNdjson(file);
        }
        long t0 = System.nanoTime();
        var accepted = app.post("/api/imports", "application/x-ndjson", java.net.http.HttpRequest.BodyPublishers.ofFile(file));
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("import refused: " + accepted.statusCode() + " " + accepted.body());
        }
        long uploadNanos = System.nanoTime() - t0;
        String location = "/api/imports/" + JSON.readTree(accepted.body()).get("id").asLong();
        JsonNode job;
        long lastPrint = System.nanoTime();
        while (true) {
            job = JSON.readTree(app.get(location).body());
            String state = job.get("state").asText();
            if (state.equals("DONE") || state.equals("FAILED")) {
                break;
            }
            if (System.nanoTime() - lastPrint > 30_000_000_000L) {
                report.line("    ... %,d lines read, %,d stored, %d MB RSS", job.get("linesRead").asLong(),
                        job.get("stored").asLong(), app.rssMb());
                lastPrint = System.nanoTime();
            }
            Thread.sleep(200);
        }
        long nanos = System.nanoTime() - t0;
        if (!job.get("state").asText().equals("DONE") || job.get("rejected").asLong() > 0) {
            throw new IllegalStateException("the import did not store every line: " + job);
        }
        long claims = job.get("stored").asLong() - archive.actors.size();
        double perSecond = claims / (nanos / 1e9);
        report.line("  import of %,d claims (%,d MB of NDJSON): %,.0f claims/s; upload %,d ms, upload to DONE %,d ms,"
                        + " %,d threads evaluated", claims, Files.size(file) / (1024 * 1024), perSecond,
                uploadNanos / 1_000_000, nanos / 1_000_000, job.get("threadsEvaluated").asLong());
        return perSecond;
    }

    /** @return claims inserted per second */
    static double rawJdbc(Report report, SyntheticArchive archive, Path work) throws SQLException, IOException {
        Path dir = work.resolve("raw-jdbc-" + archive.claims.size());
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("raw") + ";WRITE_DELAY=0";
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            migrate(db);
            db.setAutoCommit(false);
            Instant now = Instant.now();
            long t0 = System.nanoTime();
            Map<Actor, Long> actorIds = new HashMap<>();
            try (PreparedStatement actor = db.prepareStatement(
                    "insert into actor (id, name, name_key, kind, created_at, created_by) values (?, ?, ?, ?, ?, 'bench')");
                 PreparedStatement bloc = db.prepareStatement("insert into actor_bloc (actor_id, bloc) values (?, ?)")) {
                long id = 0;
                for (Actor a : archive.actors) {
                    actorIds.put(a, ++id);
                    actor.setLong(1, id);
                    actor.setString(2, a.getName());
                    actor.setString(3, a.getName().toLowerCase(Locale.ROOT));
                    actor.setString(4, a.getKind().name());
                    actor.setTimestamp(5, Timestamp.from(now));
                    actor.addBatch();
                    for (String b : a.getBlocs()) {
                        bloc.setLong(1, id);
                        bloc.setString(2, b);
                        bloc.addBatch();
                    }
                }
                actor.executeBatch();
                bloc.executeBatch();
                db.commit();
            }
            try (PreparedStatement claim = db.prepareStatement("insert into claim (id, text, claimant_id, asserted_at,"
                    + " recorded_at, disputes_id, supports_id, retracts_id, thread_id, recorded_by)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench')")) {
                int inBatch = 0;
                for (Map.Entry<Long, List<Claim>> thread : archive.threads.entrySet()) {
                    for (Claim c : thread.getValue()) {
                        claim.setLong(1, c.getId());
                        claim.setString(2, "Synthetic claim " + c.getId() + " by " + c.getClaimant().getName());
                        claim.setLong(3, actorIds.get(c.getClaimant()));
                        claim.setObject(4, c.getAssertedAt().atOffset(java.time.ZoneOffset.UTC));
                        claim.setObject(5, now.atOffset(java.time.ZoneOffset.UTC));
                        setNullable(claim, 6, c.getDisputes());
                        setNullable(claim, 7, c.getSupports());
                        setNullable(claim, 8, c.getRetracts());
                        claim.setLong(9, thread.getKey());
                        claim.addBatch();
                        if (++inBatch == 1000) {
                            claim.executeBatch();
                            db.commit();
                            inBatch = 0;
                        }
                    }
                }
                claim.executeBatch();
                db.commit();
            }
            long nanos = System.nanoTime() - t0;
            double perSecond = archive.claims.size() / (nanos / 1e9);
            report.line("  raw JDBC batch insert of the same %,d claims into H2 (batches of 1000, a commit each): %,.0f claims/s,"
                    + " %,d ms", archive.claims.size(), perSecond, nanos / 1_000_000);
            return perSecond;
        }
    }

    private static void setNullable(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    /** claimtrack's own Flyway scripts, in version order. */
    private static void migrate(Connection db) throws IOException, SQLException {
        TreeMap<Integer, Path> scripts = new TreeMap<>();
        for (String location : List.of("db/migration", "db/h2")) { // as Flyway runs them on H2
            try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("src/main/resources", location), "V*__*.sql")) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    scripts.put(Integer.parseInt(name.substring(1, name.indexOf("__"))), file);
                }
            }
        }
        for (Path script : new ArrayList<>(scripts.values())) {
            try (Reader reader = Files.newBufferedReader(script)) {
                RunScript.execute(db, reader);
            }
        }
    }
}
