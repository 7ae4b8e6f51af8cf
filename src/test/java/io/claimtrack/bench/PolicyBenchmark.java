package io.claimtrack.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.claimtrack.facts.Actor;
import io.claimtrack.facts.ActorKind;
import io.claimtrack.facts.Claim;
import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;
import io.claimtrack.rules.Assessment;
import io.claimtrack.rules.CompiledRuleset;
import io.claimtrack.rules.FactSet;
import io.claimtrack.rules.PolicyEvaluator;
import io.claimtrack.rules.RulesDirectory;
import io.claimtrack.rules.RulesetCompiler;

/**
 * B1, bulk evaluation (a start of the benchmark suite, issue 7): every claim of a seeded synthetic
 * archive evaluated under the baseline policy in Drools, thread by thread as claimtrack does, against a
 * hand-written Java evaluator of the same policy (written only here, as the baseline). Both must agree
 * on every status and flag; the mismatch count is printed. Not part of the test suite. Run:
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &&
 *   java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
 *     -cp target/test-classes:target/classes:$(cat target/cp.txt) io.claimtrack.bench.PolicyBenchmark 10000 100000
 * </pre>
 */
public final class PolicyBenchmark {

    private static final Set<ActorKind> NEUTRAL = EnumSet.of(ActorKind.MEDIA, ActorKind.NGO, ActorKind.INTERNATIONAL_ORG);

    public static void main(String[] args) {
        // Outside Quarkus the JBoss log manager starts with every level enabled, and Drools then formats
        // a trace line per rule firing: set INFO as the packaged app does, or that is what gets measured.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        CompiledRuleset ruleset = new RulesetCompiler().compile(1, RulesDirectory.read(Path.of("rules")));
        System.out.printf("B1 bulk evaluation: Drools (rules/, per thread) vs a hand-written evaluator; %d cores, %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (String arg : args.length == 0 ? new String[] {"10000", "100000"} : args) {
            run(ruleset, Integer.parseInt(arg));
        }
    }

    private static void run(CompiledRuleset ruleset, int size) {
        Archive archive = Archive.generate(size, 20151001L);
        Instant now = archive.now;
        // Warm both up on the same archive once, then measure the second pass.
        Map<Long, Assessment> drools = evaluateWithDrools(ruleset, archive, now);
        long t0 = System.nanoTime();
        drools = evaluateWithDrools(ruleset, archive, now);
        long droolsNanos = System.nanoTime() - t0;
        Map<Long, Expected> baseline = HandWritten.evaluate(archive, now);
        t0 = System.nanoTime();
        baseline = HandWritten.evaluate(archive, now);
        long javaNanos = System.nanoTime() - t0;
        int mismatched = 0;
        for (Claim claim : archive.claims) {
            Assessment a = drools.get(claim.getId());
            Expected e = baseline.get(claim.getId());
            if (a.status() != e.status || !a.flags().keySet().equals(e.flags)) {
                mismatched++;
            }
        }
        System.out.printf("  %,9d claims in %,7d threads: Drools %,8d ms, hand-written %,6d ms, ratio %.1fx; "
                        + "%d of %d outcomes differ%n", size, archive.threads.size(), droolsNanos / 1_000_000,
                javaNanos / 1_000_000, (double) droolsNanos / Math.max(1, javaNanos), mismatched, size);
    }

    private static Map<Long, Assessment> evaluateWithDrools(CompiledRuleset ruleset, Archive archive, Instant now) {
        PolicyEvaluator evaluator = new PolicyEvaluator();
        Map<Long, Assessment> all = new HashMap<>();
        for (List<Claim> thread : archive.threads.values()) {
            all.putAll(evaluator.evaluate(ruleset, new FactSet(thread, List.of(), now)));
        }
        return all;
    }

    record Expected(ClaimStatus status, Set<Flag> flags) {
    }

    /** Seeded synthetic archive: actors in blocs, threads mostly short, a few wide or deep. */
    static final class Archive {
        final List<Claim> claims = new ArrayList<>();
        final Map<Long, List<Claim>> threads = new HashMap<>();
        Instant now;

        static Archive generate(int size, long seed) {
            Random random = new Random(seed);
            List<Actor> actors = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                ActorKind kind = ActorKind.values()[random.nextInt(ActorKind.values().length)];
                int first = random.nextInt(20);
                int second = (first + 1 + random.nextInt(19)) % 20;
                Set<String> blocs = random.nextInt(4) == 0 ? Set.of() : random.nextInt(3) == 0
                        ? Set.of("bloc " + first, "bloc " + second) : Set.of("bloc " + first);
                actors.add(new Actor("actor " + i, kind, blocs));
            }
            Archive archive = new Archive();
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
                    Actor claimant = actors.get(random.nextInt(actors.size()));
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
    }

    /** The default policy of DESIGN.md written out in Java: the baseline, and a cross-check of the rules. */
    static final class HandWritten {

        static Map<Long, Expected> evaluate(Archive archive, Instant now) {
            Map<Long, Expected> out = new HashMap<>();
            for (List<Claim> thread : archive.threads.values()) {
                Map<Long, List<Claim>> pointing = new HashMap<>();
                for (Claim c : thread) {
                    Long target = c.getDisputes() != null ? c.getDisputes() : c.getSupports() != null ? c.getSupports() : c.getRetracts();
                    if (target != null) {
                        pointing.computeIfAbsent(target, t -> new ArrayList<>()).add(c);
                    }
                }
                // Replies come after what they answer, so from the last claim back every reply is decided first.
                for (int i = thread.size() - 1; i >= 0; i--) {
                    Claim c = thread.get(i);
                    out.put(c.getId(), assess(c, pointing.getOrDefault(c.getId(), List.of()), out, now));
                }
            }
            return out;
        }

        private static Expected assess(Claim c, List<Claim> replies, Map<Long, Expected> decided, Instant now) {
            List<Actor> disputants = new ArrayList<>();
            List<Actor> supporters = new ArrayList<>();
            boolean retracted = false;
            boolean selfDisputed = false;
            boolean recent = now.minus(Duration.ofDays(30)).isBefore(c.getAssertedAt());
            for (Claim r : replies) {
                recent |= now.minus(Duration.ofDays(30)).isBefore(r.getAssertedAt()) && !r.getAssertedAt().isAfter(now);
                ClaimStatus rs = decided.get(r.getId()).status;
                boolean standing = rs != ClaimStatus.RETRACTED && rs != ClaimStatus.REFUTED;
                if (r.getRetracts() != null && r.getClaimant().equals(c.getClaimant())) {
                    retracted = true;
                }
                if (r.getDisputes() != null && standing && r.getClaimant().isIndependentOf(c.getClaimant())) {
                    disputants.add(r.getClaimant());
                }
                if (r.getSupports() != null && standing && r.getClaimant().isIndependentOf(c.getClaimant())) {
                    supporters.add(r.getClaimant());
                }
                if (r.getDisputes() != null && standing && r.getClaimant().equals(c.getClaimant())) {
                    selfDisputed = true;
                }
            }
            ClaimStatus status;
            if (retracted) {
                status = ClaimStatus.RETRACTED;
            } else if (disputants.stream().anyMatch(PolicyBenchmark::neutral) && supporters.stream().noneMatch(PolicyBenchmark::neutral)) {
                status = ClaimStatus.REFUTED;
            } else if (!disputants.isEmpty()) {
                status = ClaimStatus.CONTESTED;
            } else if (anyIndependentPair(supporters)) {
                status = ClaimStatus.CONFIRMED;
            } else if (!supporters.isEmpty()) {
                status = ClaimStatus.CORROBORATED;
            } else {
                status = ClaimStatus.UNVERIFIED;
            }
            Set<Flag> flags = EnumSet.noneOf(Flag.class);
            if (anyIndependentPair(disputants)) {
                flags.add(Flag.WIDELY_CONTESTED);
            }
            if (selfDisputed && !retracted) {
                flags.add(Flag.SELF_DISPUTED);
            }
            if (status == ClaimStatus.CONTESTED && !recent) {
                flags.add(Flag.STALE);
            }
            return new Expected(status, flags);
        }

        private static boolean anyIndependentPair(List<Actor> actors) {
            for (int i = 0; i < actors.size(); i++) {
                for (int j = i + 1; j < actors.size(); j++) {
                    if (actors.get(i).isIndependentOf(actors.get(j))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static boolean neutral(Actor actor) {
        return actor.getBlocs().isEmpty() && NEUTRAL.contains(actor.getKind());
    }
}
