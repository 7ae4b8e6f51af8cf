package io.claimtrack.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import io.claimtrack.facts.Claim;
import io.claimtrack.facts.Evidence;
import io.claimtrack.facts.FlagRaised;
import io.claimtrack.facts.Now;

/**
 * Runs a compiled ruleset over facts, each run within the bounds of a {@link BoundedRun}, and reads its
 * conclusions (the {@link io.claimtrack.facts.Status} and {@link FlagRaised} facts it derives) as they enter and
 * leave working memory. Plain Java: the only state kept between calls is a warm thread's, which its caller holds.
 */
public final class PolicyEvaluator {

    /** Room for the derivations one claim needs, plus headroom; past it a ruleset is looping. */
    static final int FIRINGS_PER_FACT = 200;
    static final int BASE_FIRINGS = 10_000;

    /** Under the active ruleset's bounds ({@link BoundedRun#LIVE}). */
    public Map<Long, Assessment> evaluate(CompiledRuleset ruleset, FactSet facts) {
        return evaluate(BoundedRun.LIVE, ruleset, facts);
    }

    /** Every claim's conclusions, from a fresh session thrown away afterwards. */
    public Map<Long, Assessment> evaluate(BoundedRun bounds, CompiledRuleset ruleset, FactSet facts) {
        return evaluateSlice(bounds, ruleset, List.of(facts));
    }

    /**
     * Many threads' conclusions, each thread in a fresh session of its own, on every core: the threads are
     * cut into slices of about {@value #CLAIMS_PER_SLICE} claims, each slice one bounded run, as many slices
     * at a time as there are cores. Bounds (time, allocation) hold per thread. The answer does not depend on
     * how the work was cut: each thread is evaluated alone.
     */
    public Map<Long, Assessment> evaluateAll(BoundedRun bounds, CompiledRuleset ruleset, List<FactSet> threads) {
        List<List<FactSet>> slices = slices(threads);
        if (slices.size() <= 1) {
            return slices.isEmpty() ? Map.of() : evaluateSlice(bounds, ruleset, slices.get(0));
        }
        List<CompletableFuture<Map<Long, Assessment>>> others = new ArrayList<>();
        Map<Long, Assessment> all = new HashMap<>();
        int next = 0;
        for (; next < slices.size(); next++) {
            // The caller evaluates a slice in turn; at most WORKERS - 1 others run beside it.
            others.removeIf(running -> running.isDone() && collect(running, all));
            if (others.size() < WORKERS - 1) {
                List<FactSet> slice = slices.get(next);
                others.add(CompletableFuture.supplyAsync(() -> evaluateSlice(bounds, ruleset, slice), BULK));
            } else {
                all.putAll(evaluateSlice(bounds, ruleset, slices.get(next)));
            }
        }
        others.forEach(running -> collect(running, all));
        return all;
    }

    static final int CLAIMS_PER_SLICE = 1_000;
    private static final int WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Threads that hand slices of a bulk evaluation to the bounded pools, beside the caller's own. */
    private static final ExecutorService BULK = Executors.newFixedThreadPool(Math.max(1, WORKERS - 1), task -> {
        Thread thread = new Thread(task, "claimtrack-rules-bulk");
        thread.setDaemon(true);
        return thread;
    });

    private static List<List<FactSet>> slices(List<FactSet> threads) {
        List<List<FactSet>> slices = new ArrayList<>();
        List<FactSet> slice = new ArrayList<>();
        int claims = 0;
        for (FactSet thread : threads) {
            slice.add(thread);
            claims += thread.claims().size();
            if (claims >= CLAIMS_PER_SLICE) {
                slices.add(slice);
                slice = new ArrayList<>();
                claims = 0;
            }
        }
        if (!slice.isEmpty()) {
            slices.add(slice);
        }
        return slices;
    }

    /** @return true once the slice's answer is in {@code all}; its failure, thrown */
    private static boolean collect(CompletableFuture<Map<Long, Assessment>> running, Map<Long, Assessment> all) {
        try {
            all.putAll(running.join());
            return true;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private Map<Long, Assessment> evaluateSlice(BoundedRun bounds, CompiledRuleset ruleset, List<FactSet> slice) {
        return bounds.run("Ruleset v" + ruleset.version(), run -> {
            Map<Long, Assessment> all = new HashMap<>();
            for (FactSet facts : slice) {
                run.newStep(); // the allocation budget holds per thread, as in a run of its own
                KieSession session = run.open(ruleset);
                ConclusionsInMemory conclusions = new ConclusionsInMemory();
                session.addEventListener(conclusions);
                try {
                    session.insert(new Now(facts.now()));
                    insertAll(session, facts);
                    fire(session, run, ruleset, facts.size());
                    all.putAll(assessments(ruleset, conclusions, ids(facts.claims())));
                } finally {
                    session.removeEventListener(conclusions);
                    run.close(session);
                }
            }
            return all;
        });
    }

    /**
     * Every claim's conclusions, like {@link #evaluate}, from a session kept afterwards: the thread is warm,
     * and {@link #advance} can add to it. The caller closes it when it is done with it.
     */
    public Warmed warm(BoundedRun bounds, CompiledRuleset ruleset, FactSet facts) {
        return bounds.run("Ruleset v" + ruleset.version(), run -> {
            KieSession session = run.watch(ruleset.kieBase().newKieSession());
            ConclusionsInMemory conclusions = new ConclusionsInMemory();
            session.addEventListener(conclusions);
            ThreadSession warm = new ThreadSession(ruleset, session, conclusions, session.insert(new Now(facts.now())));
            try {
                insertAll(session, facts);
                facts.claims().forEach(claim -> warm.claimIds.add(claim.getId()));
                fire(session, run, ruleset, facts.size());
                conclusions.takeMoved();
                return new Warmed(warm, assessments(ruleset, conclusions, warm.claimIds));
            } catch (RuntimeException | Error e) {
                warm.close();
                throw e;
            } finally {
                run.unwatch(session);
            }
        });
    }

    /**
     * Adds claims (and the evidence they came with) to a warm thread and moves its clock to {@code now}, then fires: the conclusions of the
     * claims that moved (and of the new ones), read from what the rules inserted and retracted, not by
     * reading the thread. Equal to evaluating the whole thread afresh, for a ruleset whose conclusions do
     * not depend on the order facts arrive in. A run that fails or is stopped leaves the session closed.
     */
    public Map<Long, Assessment> advance(BoundedRun bounds, ThreadSession warm, List<?> added, Instant now) {
        if (!warm.usable()) {
            throw new IllegalStateException("a warm thread was used after it broke");
        }
        CompiledRuleset ruleset = warm.ruleset();
        return bounds.run("Ruleset v" + ruleset.version(), run -> {
            KieSession session = run.watch(warm.session);
            try {
                session.update(warm.now, new Now(now));
                List<Long> newIds = new ArrayList<>();
                for (Object fact : added) {
                    if (fact instanceof Claim claim) {
                        if (warm.claimIds.add(claim.getId())) {
                            session.insert(claim);
                            newIds.add(claim.getId());
                        }
                    } else if (fact instanceof Evidence) {
                        session.insert(fact);
                    } else {
                        throw new IllegalArgumentException("only claims and their evidence are added to a warm thread: " + fact);
                    }
                }
                fire(session, run, ruleset, warm.claimIds.size());
                Set<Long> moved = warm.conclusions.takeMoved();
                moved.addAll(newIds);
                moved.retainAll(warm.claimIds);
                return assessments(ruleset, warm.conclusions, moved);
            } catch (RuntimeException | Error e) {
                warm.close();
                throw e;
            } finally {
                run.unwatch(session);
            }
        });
    }

    /** Every claim's conclusions as a warm thread holds them now (between runs: its caller holds it). */
    public Map<Long, Assessment> conclusions(ThreadSession warm) {
        return assessments(warm.ruleset(), warm.conclusions, warm.claimIds);
    }

    /** A thread made warm, and every claim's conclusions as it was made. */
    public record Warmed(ThreadSession session, Map<Long, Assessment> assessments) {
    }

    private static void insertAll(KieSession session, FactSet facts) {
        facts.verdicts().forEach(session::insert);
        facts.reviews().forEach(session::insert);
        facts.evidence().forEach(session::insert);
        facts.claims().forEach(session::insert);
    }

    private static List<Long> ids(Collection<Claim> claims) {
        return claims.stream().map(Claim::getId).toList();
    }

    /**
     * How {@code claimId}'s status and flags moved in event time as the claims were asserted one by one
     * and as time passed, up to {@code until}. Time moves a conclusion only where a rule compares an
     * instant with "now": the rules' {@link Now#isInLastDays} calls say which horizons they use, so the
     * timeline visits each claim's instant and each claim's instant plus each horizon, and nothing between.
     * Verdicts are not part of it: they are decisions in system time (see the history).
     */
    public List<Transition> timeline(CompiledRuleset ruleset, Collection<Claim> claims, long claimId, Instant until) {
        return timeline(BoundedRun.LIVE, ruleset, claims, claimId, until);
    }

    public List<Transition> timeline(BoundedRun bounds, CompiledRuleset ruleset, Collection<Claim> claims, long claimId,
                                     Instant until) {
        List<Claim> ordered = claims.stream().filter(c -> !c.getAssertedAt().isAfter(until))
                .sorted(Comparator.comparing(Claim::getAssertedAt).thenComparingLong(Claim::getId)).toList();
        if (ordered.isEmpty()) {
            return List.of();
        }
        return bounds.run("Ruleset v" + ruleset.version() + " (timeline of claim #" + claimId + ")", run -> {
            KieSession session = run.open(ruleset);
            ConclusionsInMemory conclusions = new ConclusionsInMemory();
            session.addEventListener(conclusions);
            try {
                return steps(session, conclusions, run, ruleset, ordered, claimId, until);
            } finally {
                session.removeEventListener(conclusions);
                run.close(session);
            }
        });
    }

    private List<Transition> steps(KieSession session, ConclusionsInMemory conclusions, BoundedRun.Run run, CompiledRuleset ruleset, List<Claim> ordered,
                                   long claimId, Instant until) {
        Set<Integer> horizons = ConcurrentHashMap.newKeySet(); // the rules' threads record into it
        FactHandle now = session.insert(new Now(ordered.get(0).getAssertedAt(), horizons));
        TreeSet<Instant> timePassing = new TreeSet<>();
        Set<Integer> scheduled = new HashSet<>();
        List<Claim> inserted = new ArrayList<>();
        List<Transition> transitions = new ArrayList<>();
        Assessment last = null;
        int next = 0;
        while (next < ordered.size() || !timePassing.isEmpty()) {
            Claim cause = null;
            Instant at;
            Instant nextClaim = next < ordered.size() ? ordered.get(next).getAssertedAt() : null;
            if (nextClaim != null && (timePassing.isEmpty() || !nextClaim.isAfter(timePassing.first()))) {
                cause = ordered.get(next++);
                at = cause.getAssertedAt();
                timePassing.remove(at);
                session.update(now, new Now(at, horizons));
                session.insert(cause);
                inserted.add(cause);
            } else {
                at = timePassing.pollFirst();
                session.update(now, new Now(at, horizons));
            }
            run.newStep();
            fire(session, run, ruleset, inserted.size());
            scheduleTimePassing(horizons, scheduled, inserted, cause, at, until, timePassing);
            if (last == null && (cause == null || cause.getId() != claimId)) {
                continue; // the claim is not asserted yet
            }
            // Only this claim's assessment is built at each step: building every claim's would make a long thread's
            // timeline quadratic in memory as well as in time.
            Assessment current = conclusions.assessment(ruleset, claimId);
            if (last == null || !current.keepsStanding(last.status(), last.flags().keySet())) {
                transitions.add(new Transition(at, cause, current));
            }
            last = current;
        }
        return transitions;
    }

    /**
     * The instants at which time alone may change something: each inserted claim's instant plus each
     * horizon the rules asked about so far, after {@code at} and up to {@code until}. A horizon seen for
     * the first time is scheduled for every claim inserted; a known one only for the new claim.
     */
    private static void scheduleTimePassing(Set<Integer> horizons, Set<Integer> scheduled, List<Claim> inserted,
                                            Claim cause, Instant at, Instant until, TreeSet<Instant> timePassing) {
        for (Integer days : horizons) {
            boolean fresh = scheduled.add(days);
            for (Claim claim : fresh ? inserted : cause == null ? List.<Claim>of() : List.of(cause)) {
                Instant passing = claim.getAssertedAt().plus(Duration.ofDays(days));
                if (passing.isAfter(at) && !passing.isAfter(until)) {
                    timePassing.add(passing);
                }
            }
        }
    }

    private static void fire(KieSession session, BoundedRun.Run run, CompiledRuleset ruleset, int facts) {
        long limit = BASE_FIRINGS + (long) FIRINGS_PER_FACT * facts;
        int fired = session.fireAllRules((int) Math.min(limit, Integer.MAX_VALUE));
        if (run.stopped()) {
            throw new RunawayRulesException("Ruleset v" + ruleset.version() + " was stopped");
        }
        if (fired >= limit) {
            throw new RuleEvaluationException("Ruleset v" + ruleset.version() + " was stopped after " + fired
                    + " rule firings for " + facts + " facts: it does not settle");
        }
    }

    private static Map<Long, Assessment> assessments(CompiledRuleset ruleset, ConclusionsInMemory conclusions,
                                                     Collection<Long> claimIds) {
        Map<Long, Assessment> assessments = new HashMap<>();
        for (long claimId : claimIds) {
            assessments.put(claimId, conclusions.assessment(ruleset, claimId));
        }
        return assessments;
    }
}
