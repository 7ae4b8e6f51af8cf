package io.claimtrack.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import io.claimtrack.facts.Actor;
import io.claimtrack.facts.ActorKind;
import io.claimtrack.facts.Claim;

/**
 * A seeded synthetic claims archive, the same for every run with the same size and seed: 300 actors in
 * 20 blocs (a quarter in none); threads mostly of 1-6 claims, some of 10-50, a few of 100-300, wide or
 * deep; 55 % disputes, 35 % supports, 10 % retractions among replies. About 0.9 relations per claim
 * point at another (every reply has one); with the counted relations and statuses the rules derive from
 * them, that is about 3 facts related to each claim.
 */
final class SyntheticArchive {

    static final long SEED = 20151001L;

    final List<Actor> actors = new ArrayList<>();
    final List<Claim> claims = new ArrayList<>();
    /** Root claim id → the thread's claims in the order they were asserted. */
    final Map<Long, List<Claim>> threads = new LinkedHashMap<>();
    /** Just after the last claim: the instant the archive is evaluated at. */
    Instant now;

    static SyntheticArchive generate(int size) {
        return generate(size, SEED);
    }

    static SyntheticArchive generate(int size, long seed) {
        Random random = new Random(seed);
        SyntheticArchive archive = new SyntheticArchive();
        for (int i = 0; i < 300; i++) {
            ActorKind kind = ActorKind.values()[random.nextInt(ActorKind.values().length)];
            int first = random.nextInt(20);
            int second = (first + 1 + random.nextInt(19)) % 20;
            Set<String> blocs = random.nextInt(4) == 0 ? Set.of() : random.nextInt(3) == 0
                    ? Set.of("bloc " + first, "bloc " + second) : Set.of("bloc " + first);
            archive.actors.add(new Actor("actor " + i, kind, blocs));
        }
        Instant start = Instant.parse("2015-01-01T00:00:00Z");
        long id = 0;
        while (archive.claims.size() < size) {
            int shape = random.nextInt(100);
            int threadSize = shape < 85 ? 1 + random.nextInt(6) : shape < 97 ? 10 + random.nextInt(40) : 100 + random.nextInt(200);
            threadSize = Math.min(threadSize, size - archive.claims.size());
            List<Claim> thread = new ArrayList<>();
            Instant at = start.plus(Duration.ofHours(random.nextInt(24 * 3000)));
            for (int i = 0; i < threadSize; i++) {
                id++;
                at = at.plus(Duration.ofHours(random.nextInt(72)));
                Actor claimant = archive.actors.get(random.nextInt(archive.actors.size()));
                Long disputes = null;
                Long supports = null;
                Long retracts = null;
                if (!thread.isEmpty()) {
                    // Deep threads reply to the last claim, wide ones to the root, the rest anywhere.
                    Claim target = shape >= 97 && random.nextBoolean() ? thread.get(0)
                            : random.nextInt(3) == 0 ? thread.get(thread.size() - 1) : thread.get(random.nextInt(thread.size()));
                    int relation = random.nextInt(100);
                    if (relation < 55) {
                        disputes = target.getId();
                    } else if (relation < 90) {
                        supports = target.getId();
                    } else {
                        retracts = target.getId();
                        claimant = target.getClaimant();
                    }
                }
                Claim claim = new Claim(id, claimant, null, at, disputes, supports, retracts);
                thread.add(claim);
                archive.claims.add(claim);
            }
            archive.threads.put(thread.get(0).getId(), thread);
            if (archive.now == null || at.isAfter(archive.now)) {
                archive.now = at;
            }
        }
        archive.now = archive.now.plus(Duration.ofDays(1));
        return archive;
    }

    /**
     * The archive as an import file: the actors, then every claim with {@code "ref": "c<id>"}, thread
     * after thread, each relation by ref.
     */
    void writeNdjson(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Actor actor : actors) {
                out.write("{\"type\":\"actor\",\"name\":\"" + actor.getName() + "\",\"kind\":\"" + actor.getKind()
                        + "\",\"blocs\":[" + actor.getBlocs().stream().map(b -> "\"" + b + "\"").collect(Collectors.joining(","))
                        + "]}\n");
            }
            for (List<Claim> thread : threads.values()) {
                for (Claim claim : thread) {
                    out.write(ndjson(claim, "c" + claim.getId(), relation(claim, "\"c", "\"")));
                }
            }
        }
    }

    /** One claim line; {@code relation} is e.g. {@code ,"disputes":"c12"} or empty. */
    static String ndjson(Claim claim, String ref, String relation) {
        return "{\"type\":\"claim\"" + (ref == null ? "" : ",\"ref\":\"" + ref + "\"")
                + ",\"text\":\"Synthetic claim " + claim.getId() + " by " + claim.getClaimant().getName()
                + "\",\"claimant\":\"" + claim.getClaimant().getName() + "\",\"assertedAt\":\"" + claim.getAssertedAt()
                + "\"" + relation + "}\n";
    }

    /** {@code ,"disputes":<before><target id><after>} for a reply, "" for a thread's root. */
    static String relation(Claim claim, String before, String after) {
        String field = claim.getDisputes() != null ? "disputes" : claim.getSupports() != null ? "supports"
                : claim.getRetracts() != null ? "retracts" : null;
        return field == null ? "" : ",\"" + field + "\":" + before + claim.getRepliesTo() + after;
    }
}
