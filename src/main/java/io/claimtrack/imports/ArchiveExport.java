package io.claimtrack.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.claimtrack.claim.ActorEntity;
import io.claimtrack.claim.ClaimEntity;
import io.claimtrack.claim.ClaimFilter;
import io.claimtrack.evidence.EvidenceEntity;
import io.claimtrack.review.ReviewEntity;
import io.claimtrack.verdict.VerdictEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The archive as NDJSON that {@code POST /api/imports} takes back: every actor, then every claim, oldest assertion first,
 * each with a ref ("c" and its id here) that later lines' relations, verdicts, evidence and reviews point at,
 * and after each claim the verdicts in force on it, the evidence added to it since (in force), and the desk's
 * review as it stands. Imported into an empty store (PostgreSQL, say) by an admin who is also a submitter and
 * an analyst, it gives the same claims, relations, verdicts, evidence and reviews, and so the same statuses
 * under the same ruleset; ids, the recorded history, users and ruleset versions are the new store's own. Read in batches, each in a short transaction of its own.
 */
@ApplicationScoped
public class ArchiveExport {

    private static final int BATCH = 500;

    private final ObjectMapper json;

    public ArchiveExport(ObjectMapper json) {
        this.json = json;
    }

    /** The whole archive: every actor (those with no claim too), then every claim. */
    public void write(OutputStream out) throws IOException {
        write(out, (ClaimFilter) null);
    }

    /**
     * The claims {@code filter} lists (all when null) with what travels with them, each claim's claimant in a line
     * before its first claim; with no filter, every actor first.
     */
    public void write(OutputStream out, ClaimFilter filter) throws IOException {
        Set<Long> actorsWritten = new HashSet<>();
        if (filter == null) {
            long after = 0;
            List<Line> actors;
            while (!(actors = actorsAfter(after)).isEmpty()) {
                write(out, actors.stream().map(Line::json).toList());
                actors.forEach(actor -> actorsWritten.add(actor.id()));
                after = actors.get(actors.size() - 1).id();
            }
        }
        ClaimFilter claims = filter == null ? ClaimFilter.parse(null, null, null, null, null, null) : filter;
        Instant afterAt = null;
        long afterId = 0;
        while (true) {
            Instant fromAt = afterAt;
            long fromId = afterId;
            // Oldest assertion first, so that what a claim answers is in an earlier line (ids no longer say so once
            // a correction points a claim at a later one).
            List<ClaimEntity> batch = QuarkusTransaction.requiringNew().call(() -> claims.after(fromAt, fromId, BATCH));
            if (batch.isEmpty()) {
                break;
            }
            List<ObjectNode> newActors = QuarkusTransaction.requiringNew().call(() -> batch.stream()
                    .map(claim -> claim.claimant).filter(actor -> actorsWritten.add(actor.id))
                    .map(actor -> actorLine(ActorEntity.findById(actor.id))).toList());
            write(out, newActors);
            Map<Long, List<VerdictEntity>> verdicts = QuarkusTransaction.requiringNew().call(() -> VerdictEntity
                    .<VerdictEntity>list("claimId in ?1 and withdrawnAt is null order by id",
                            batch.stream().map(claim -> claim.id).toList())
                    .stream().collect(Collectors.groupingBy(verdict -> verdict.claimId)));
            List<Long> ids = batch.stream().map(claim -> claim.id).toList();
            Map<Long, List<EvidenceEntity>> evidence = QuarkusTransaction.requiringNew().call(() -> EvidenceEntity
                    .addedLater(ids).stream().collect(Collectors.groupingBy(piece -> piece.claimId)));
            Map<Long, ReviewEntity> reviews = QuarkusTransaction.requiringNew().call(() -> ReviewEntity.forClaims(ids)
                    .stream().collect(Collectors.toMap(review -> review.claimId, review -> review)));
            for (ClaimEntity claim : batch) {
                write(out, List.of(claimLine(claim)));
                write(out, verdicts.getOrDefault(claim.id, List.of()).stream().map(this::verdictLine).toList());
                write(out, evidence.getOrDefault(claim.id, List.of()).stream().map(this::evidenceLine).toList());
                if (reviews.containsKey(claim.id)) {
                    write(out, List.of(reviewLine(reviews.get(claim.id))));
                }
            }
            afterAt = batch.get(batch.size() - 1).assertedAt;
            afterId = batch.get(batch.size() - 1).id;
        }
        out.flush();
    }

    private record Line(long id, ObjectNode json) {
    }

    private List<Line> actorsAfter(long after) {
        // An actor merged into another is not one: its claims are the kept actor's.
        return QuarkusTransaction.requiringNew().call(() -> ActorEntity.<ActorEntity>find(
                        "id > ?1 and mergedInto is null order by id", after)
                .page(0, BATCH).list().stream().map(actor -> new Line(actor.id, actorLine(actor))).toList());
    }

    private ObjectNode actorLine(ActorEntity actor) {
        ObjectNode line = json.createObjectNode().put("type", "actor").put("name", actor.name)
                .put("kind", actor.kind.name());
        actor.blocs.forEach(line.putArray("blocs")::add);
        return line;
    }

    private ObjectNode claimLine(ClaimEntity claim) {
        ObjectNode line = json.createObjectNode().put("type", "claim").put("ref", ref(claim.id)).put("text", claim.text)
                .put("claimant", claim.claimant.name).put("assertedAt", claim.assertedAt.toString());
        if (claim.topic != null) {
            line.put("topic", claim.topic);
        }
        if (claim.source != null && (claim.source.url != null || claim.source.title != null || claim.source.publisher != null)) {
            ObjectNode source = line.putObject("source");
            putIfPresent(source, "url", claim.source.url);
            putIfPresent(source, "title", claim.source.title);
            putIfPresent(source, "publisher", claim.source.publisher);
        }
        putIfPresent(line, "quote", claim.quote);
        putIfPresent(line, "disputes", claim.disputesId == null ? null : ref(claim.disputesId));
        putIfPresent(line, "supports", claim.supportsId == null ? null : ref(claim.supportsId));
        putIfPresent(line, "retracts", claim.retractsId == null ? null : ref(claim.retractsId));
        return line;
    }

    /** The importer gives the verdict; who gave it first, and when, stays in its reason where that fits. */
    private ObjectNode verdictLine(VerdictEntity verdict) {
        String given = verdict.reason + " (given by " + verdict.analyst + " on " + verdict.createdAt + ")";
        return json.createObjectNode().put("type", "verdict").put("claim", ref(verdict.claimId))
                .put("status", verdict.status.name()).put("reason", given.length() <= 2000 ? given : verdict.reason);
    }

    /** Evidence added after the claim was submitted (its own source rides in the claim's line); the importer adds it. */
    private ObjectNode evidenceLine(EvidenceEntity piece) {
        ObjectNode line = json.createObjectNode().put("type", "evidence").put("claim", ref(piece.claimId))
                .put("kind", piece.kind.name()).put("forReview", piece.forReview);
        putIfPresent(line, "url", piece.url);
        putIfPresent(line, "archivedUrl", piece.archivedUrl);
        putIfPresent(line, "title", piece.title);
        putIfPresent(line, "publisher", piece.publisher);
        putIfPresent(line, "accessedAt", piece.accessedAt == null ? null : piece.accessedAt.toString());
        String note = (piece.note == null ? "" : piece.note + " ") + "(added by " + piece.addedBy + " on " + piece.addedAt + ")";
        line.put("note", note.length() <= 2000 ? note : piece.note);
        return line;
    }

    /** The desk's review as it stands, restored as such by an admin's import (its steps stay in this store's history). */
    private ObjectNode reviewLine(ReviewEntity review) {
        ObjectNode line = json.createObjectNode().put("type", "review").put("claim", ref(review.claimId))
                .put("state", review.state.name());
        putIfPresent(line, "assignee", review.assignee);
        putIfPresent(line, "rating", review.rating);
        putIfPresent(line, "summary", review.summary);
        putIfPresent(line, "url", review.url);
        putIfPresent(line, "ratedBy", review.ratedBy);
        putIfPresent(line, "publishedBy", review.publishedBy);
        return line;
    }

    private static String ref(long claimId) {
        return "c" + claimId;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private void write(OutputStream out, List<ObjectNode> lines) throws IOException {
        for (ObjectNode line : lines) {
            out.write(json.writeValueAsString(line).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
    }
}
