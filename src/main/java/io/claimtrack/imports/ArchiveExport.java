package io.claimtrack.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.claimtrack.claim.ActorEntity;
import io.claimtrack.claim.ClaimEntity;
import io.claimtrack.verdict.VerdictEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The archive as NDJSON that {@code POST /api/imports} takes back: every actor, then every claim, oldest first,
 * each with a ref ("c" and its id here) that later lines' relations and verdicts point at, and after each claim
 * the verdicts in force on it. Imported into an empty store (PostgreSQL, say), it gives the same claims,
 * relations and verdicts, and so the same statuses under the same ruleset; ids, the recorded history, users
 * and ruleset versions are the new store's own. Read in batches, each in a short transaction of its own.
 */
@ApplicationScoped
public class ArchiveExport {

    private static final int BATCH = 500;

    private final ObjectMapper json;

    public ArchiveExport(ObjectMapper json) {
        this.json = json;
    }

    public void write(OutputStream out) throws IOException {
        long after = 0;
        List<Line> actors;
        while (!(actors = actorsAfter(after)).isEmpty()) {
            write(out, actors.stream().map(Line::json).toList());
            after = actors.get(actors.size() - 1).id();
        }
        after = 0;
        while (true) {
            long from = after;
            List<ClaimEntity> batch = QuarkusTransaction.requiringNew().call(() -> ClaimEntity.<ClaimEntity>find(
                    "from ClaimEntity c join fetch c.claimant where c.id > ?1 order by c.id", from).page(0, BATCH).list());
            if (batch.isEmpty()) {
                break;
            }
            Map<Long, List<VerdictEntity>> verdicts = QuarkusTransaction.requiringNew().call(() -> VerdictEntity
                    .<VerdictEntity>list("claimId in ?1 and withdrawnAt is null order by id",
                            batch.stream().map(claim -> claim.id).toList())
                    .stream().collect(Collectors.groupingBy(verdict -> verdict.claimId)));
            for (ClaimEntity claim : batch) {
                write(out, List.of(claimLine(claim)));
                write(out, verdicts.getOrDefault(claim.id, List.of()).stream().map(this::verdictLine).toList());
            }
            after = batch.get(batch.size() - 1).id;
        }
        out.flush();
    }

    private record Line(long id, ObjectNode json) {
    }

    private List<Line> actorsAfter(long after) {
        return QuarkusTransaction.requiringNew().call(() -> ActorEntity.<ActorEntity>find("id > ?1 order by id", after)
                .page(0, BATCH).list().stream().map(actor -> {
                    ObjectNode line = json.createObjectNode().put("type", "actor").put("name", actor.name)
                            .put("kind", actor.kind.name());
                    actor.blocs.forEach(line.putArray("blocs")::add);
                    return new Line(actor.id, line);
                }).toList());
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
