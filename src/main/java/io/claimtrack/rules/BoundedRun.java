package io.claimtrack.rules;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Runs rule evaluations on threads of their own, each within a wall-clock budget and a share of the heap.
 * Rules are code an analyst wrote: a ruleset that never settles, or that joins everything with everything,
 * must end with an answer ("stopped"), not hold a core or the heap until the process dies.
 *
 * <p>A run past its budget is first asked to stop ({@link KieSession#halt()}, honoured between firings);
 * one that does not return within a grace period is inside a single propagation (a join Drools cannot
 * interrupt) and its thread is stopped outright. {@link Thread#stop()} is deprecated because it can leave
 * shared objects half-changed; here the only objects the thread changes are its own session and facts,
 * which are thrown away with it. The same happens when the old generation of the heap fills past its
 * share while a run is going.
 *
 * <p>Two pools: live evaluations of the active ruleset, and drafts' tests and previews on one thread, so an
 * analyst's experiment can never take more than one core from the desk.
 */
public final class BoundedRun {

    /** Halting is honoured between firings, within microseconds; a run still busy after this is inside a propagation. */
    private static final Duration GRACE = Duration.ofMillis(100);
    private static final long POLL_MILLIS = 10;

    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(10);
    static final double DEFAULT_HEAP_SHARE = 0.75;
    static final long DEFAULT_ALLOCATION_BUDGET = 128L << 20;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** The active ruleset, on submissions, activations, as-of reads and timelines. */
    public static final BoundedRun LIVE = new BoundedRun("rules-live",
            Math.max(2, Runtime.getRuntime().availableProcessors()), 10_000);
    private static final ThreadPoolExecutor LIVE_EXECUTOR = LIVE.executor;
    /** Drafts' scenario tests and previews: one at a time, a few waiting. */
    public static final BoundedRun DRAFTS = new BoundedRun("rules-draft", 1, 4);

    /** Rule firings so far, by pool ("rules-live", "rules-draft"): read by the metrics, kept here where runs end. */
    private static final Map<String, java.util.concurrent.atomic.LongAdder> FIRINGS = new ConcurrentHashMap<>();

    private final ThreadPoolExecutor executor;
    private final String name;
    /** When set (not 0), no run of this view ends later than this System.nanoTime(), whatever its budget. */
    private final long deadlineNanos;
    private volatile Duration budget = DEFAULT_BUDGET;
    private volatile double heapShare = DEFAULT_HEAP_SHARE;
    private volatile long allocationBudget = DEFAULT_ALLOCATION_BUDGET;

    BoundedRun(String name, int threads, int queue) {
        AtomicInteger count = new AtomicInteger();
        this.name = name;
        this.deadlineNanos = 0;
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                task -> {
                    Thread thread = new Thread(task, "claimtrack-" + name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.executor.allowCoreThreadTimeOut(true);
    }

    private BoundedRun(BoundedRun pool, long deadlineNanos) {
        this.name = pool.name;
        this.executor = pool.executor;
        this.budget = pool.budget;
        this.heapShare = pool.heapShare;
        this.allocationBudget = pool.allocationBudget;
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * The same pool, for several runs that share one budget (a draft's scenarios): none of them ends later
     * than one budget from now.
     */
    public BoundedRun sharingOneBudget() {
        return new BoundedRun(this, System.nanoTime() + budget.toNanos());
    }

    public Duration budget() {
        return budget;
    }

    /** For tests of the pool itself. */
    BoundedRun withBudget(Duration budget) {
        this.budget = budget;
        return this;
    }

    /** For tests of the pool itself. */
    static void configureAllocation(BoundedRun pool, long allocationBudget) {
        pool.allocationBudget = allocationBudget;
    }

    /**
     * Sets both pools' limits (from configuration, at start). Drafts get an allocation budget of their own,
     * smaller: what a runaway draft allocates before it is stopped is mostly still live, and the collector
     * copies it in pauses that stall every live request.
     */
    /** Rule firings in every run of the pool named {@code pool} since the start. */
    public static long firings(String pool) {
        java.util.concurrent.atomic.LongAdder fired = FIRINGS.get(pool);
        return fired == null ? 0 : fired.sum();
    }

    /** The pools' names, as {@link #firings(String)} takes them. */
    public static java.util.List<String> pools() {
        return java.util.List.of(LIVE.name, DRAFTS.name);
    }

    public static void configure(Duration budget, double heapShare, long allocationBudget, long draftAllocationBudget) {
        if (budget.isNegative() || budget.isZero() || heapShare <= 0 || heapShare > 1 || allocationBudget <= 0
                || draftAllocationBudget <= 0) {
            throw new IllegalArgumentException("rule budgets are positive and a heap share in (0, 1]");
        }
        for (BoundedRun pool : new BoundedRun[] {LIVE, DRAFTS}) {
            pool.budget = budget;
            pool.heapShare = heapShare;
        }
        LIVE.allocationBudget = allocationBudget;
        DRAFTS.allocationBudget = draftAllocationBudget;
    }

    /**
     * Runs {@code work}, which opens its sessions through the {@link Run} it is given, and returns its result.
     *
     * @throws RuleEvaluationException when the work ran past its budget or its share of the heap, or
     *                                  failed; the message says which rule fired most where that can be told
     * @throws RulesBusyException       when this pool's queue is full
     */
    public <T> T run(String what, Function<Run, T> work) {
        try {
            return runBounded(what, work);
        } catch (RuleEvaluationException e) {
            // Under the active policy a failure is the policy's, not the caller's: said as such (503, not 422).
            throw this.executor == LIVE_EXECUTOR && !(e instanceof ActivePolicyException) ? new ActivePolicyException(e) : e;
        }
    }

    private <T> T runBounded(String what, Function<Run, T> work) {
        Run run = new Run();
        Future<T> result;
        try {
            result = executor.submit(() -> {
                run.allocatedBefore = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
                run.thread = Thread.currentThread();
                try {
                    return work.apply(run);
                } finally {
                    run.finished();
                    FIRINGS.computeIfAbsent(name, pool -> new java.util.concurrent.atomic.LongAdder()).add(run.fired());
                }
            });
        } catch (RejectedExecutionException e) {
            throw new RulesBusyException(what + ": " + executor.getQueue().size()
                    + " evaluations are already waiting; try again shortly");
        }
        long deadline = System.nanoTime() + budget.toNanos();
        if (deadlineNanos != 0 && deadlineNanos - deadline < 0) {
            deadline = deadlineNanos;
        }
        try {
            while (true) {
                try {
                    return result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw stop(run, result, what + (deadlineNanos == 0 ? " ran past its budget of "
                                : " ran past the budget its scenarios share, ") + budget.toMillis() / 1000.0 + " s");
                    }
                    if (run.allocated() > allocationBudget) {
                        throw stop(run, result, what + " allocated more than " + (allocationBudget >> 20) + " MB");
                    }
                    // A full heap is everyone's doing (warm threads, garbage not collected yet, other requests): a
                    // run is stopped for it only if it is a heavy allocator itself. A sound evaluation of one thread
                    // allocates a few MB; a runaway join, hundreds.
                    if (heapFull() && run.allocated() > allocationBudget / 8) {
                        throw stop(run, result, what + " used more than " + Math.round(heapShare * 100)
                                + " % of the heap (it had allocated " + (run.allocated() >> 20) + " MB)");
                    }
                }
            }
        } catch (ExecutionException e) {
            throw failure(what, run, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stop(run, result, what + " was interrupted");
        }
    }

    private RuleEvaluationException stop(Run run, Future<?> result, String why) {
        run.halt();
        try {
            result.get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.kill();
            // Halting is honoured between firings: a run that did not stop was inside one propagation, where
            // firing counts say nothing about which rule is to blame.
            return new RunawayRulesException(why + " and was stopped inside a single propagation: a rule's conditions"
                    + " join too many facts (look for patterns with no constraint between them)");
        } catch (ExecutionException | InterruptedException | RuntimeException e) {
            // it ended one way or another: what it says no longer matters
        }
        result.cancel(false);
        return new RunawayRulesException(why + " and was stopped" + run.culprit());
    }

    private static RuntimeException failure(String what, Run run, Throwable cause) {
        if (cause instanceof RuleEvaluationException evaluation) {
            return evaluation;
        }
        if (cause instanceof IllegalArgumentException refused) {
            return refused; // bad facts, not bad rules: the caller's to report
        }
        if (cause instanceof OutOfMemoryError) {
            return new RunawayRulesException(what + " ran out of memory and was stopped" + run.culprit());
        }
        if (cause instanceof ThreadDeath) {
            return new RunawayRulesException(what + " was stopped" + run.culprit());
        }
        return new RuleEvaluationException(what + " failed: " + cause + run.culprit());
    }

    private boolean heapFull() {
        MemoryPoolMXBean old = OLD_GENERATION;
        long max = Runtime.getRuntime().maxMemory();
        long used = old != null ? old.getUsage().getUsed()
                : Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        return used > heapShare * max;
    }

    /** Where long-lived objects (a runaway join's tuples) pile up; null on a collector without one. */
    private static final MemoryPoolMXBean OLD_GENERATION = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured"))
            .findFirst().orElse(null);

    @Override
    public String toString() {
        return name;
    }

    /** One run's sessions and thread, so the watchdog can halt or stop it and say which rule was busiest. */
    public static final class Run {

        private volatile Thread thread;
        private volatile long allocatedBefore;
        private volatile KieSession session;
        private volatile boolean stopped;
        private final Map<String, Integer> firings = new ConcurrentHashMap<>();
        private final DefaultAgendaEventListener counter = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                firings.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
            }
        };

        /** A session for this run: watched, and counted per rule. */
        public KieSession open(CompiledRuleset ruleset) {
            return watch(ruleset.newSession());
        }

        /**
         * Gives back a session opened by {@link #open}. A session that was halted or stopped is destroyed,
         * never returned to the pool: its memory may be half-propagated.
         */
        public void close(KieSession closing) {
            unwatch(closing);
            if (stopped) {
                closing.destroy();
            } else {
                closing.dispose();
            }
        }

        /** Watches a session that outlives the run (a warm thread's): halted with the run, its firings counted. */
        public KieSession watch(KieSession watched) {
            if (stopped) {
                throw new RuleEvaluationException("stopped");
            }
            watched.addEventListener(counter);
            session = watched;
            return watched;
        }

        /** Stops watching a session given to {@link #watch}; the caller keeps it, or destroys it if {@link #stopped}. */
        public void unwatch(KieSession watched) {
            if (session == watched) {
                session = null;
            }
            watched.removeEventListener(counter);
        }

        /** True once the watchdog asked this run to stop: its conclusions must not be used. */
        public boolean stopped() {
            return stopped;
        }

        private void halt() {
            stopped = true;
            KieSession current = session;
            if (current != null) {
                current.halt();
            }
        }

        @SuppressWarnings({"deprecation", "removal"})
        private void kill() {
            Thread running = thread;
            if (running != null) {
                running.stop(); // see the class comment: nothing shared is changed by a rule evaluation thread
            }
        }

        /**
         * Starts the allocation count afresh: a run made of many small steps (a timeline) is bounded per step,
         * where a runaway join would blow through the budget.
         */
        public void newStep() {
            Thread running = thread;
            if (running != null) {
                allocatedBefore = THREADS.getThreadAllocatedBytes(running.getId());
            }
        }

        /** Bytes the run's thread allocated since the run (or its current step) began (0 before it began). */
        private long allocated() {
            Thread running = thread;
            return running == null ? 0 : THREADS.getThreadAllocatedBytes(running.getId()) - allocatedBefore;
        }

        private void finished() {
            thread = null;
        }

        /** How many rules fired in this run, every session of it together. */
        private long fired() {
            return firings.values().stream().mapToLong(Integer::longValue).sum();
        }

        private String culprit() {
            return firings.entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(busiest -> "; the rule that fired most was \"" + busiest.getKey() + "\" ("
                            + busiest.getValue() + " firings)")
                    .orElse("; no rule had fired yet: a rule's conditions joined too many facts");
        }
    }

}
