package io.claimtrack.evaluation;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.claimtrack.rules.CompiledRuleset;
import io.claimtrack.rules.ThreadSession;
import io.quarkus.runtime.Startup;

/**
 * The warm threads of this instance: live sessions of recently evaluated threads, least recently used
 * evicted first, within {@code claimtrack.evaluation.warm-threads.heap-share} of the heap (20 %: about 10,000
 * claims with the README's 512 MB), threads of fewer than {@code min-claims} (8) being cheap afresh. A cache,
 * never the truth: a session is handed out only for the stored thread version and ruleset version it was
 * built at, to the one transaction holding the thread's lock, and comes back only if that transaction
 * commits. Anything else (another instance wrote to the thread, a verdict, an activation, a rollback,
 * a failed run) closes it, and the thread is evaluated afresh from the database.
 */
@ApplicationScoped
@Startup // made at start, so a setting out of range stops the start with its name, not the first evaluation
public class WarmThreads {

    private final TransactionSynchronizationRegistry transactions;
    private final long capacity;
    private final int minClaims;
    private final LinkedHashMap<Long, Kept> kept = new LinkedHashMap<>(256, 0.75f, true);
    private long claimsKept;
    /** Threads evaluated once lately, the oldest forgotten first: the doorkeeper of {@link #worthKeeping}. */
    private final LinkedHashMap<Long, Boolean> seenOnce = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > SEEN_ONCE;
        }
    };
    private static final int SEEN_ONCE = 10_000;
    private final long checkEvery;
    private final AtomicLong evaluations = new AtomicLong();
    /** Rulesets caught concluding otherwise warm than afresh; weakly held, they go with the ruleset. */
    private final Set<CompiledRuleset> distrusted = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private long distrustedRulesets;
    private long taken;
    private long stale;

    /**
     * What a claim costs in a warm session, measured with the default policy on synthetic threads of 8 claims
     * or more: 9,978 bytes (its facts, the derived candidates, statuses and counted relations, and the
     * network's memories of them). An analyst's policy may weigh more or less; this is an estimate.
     */
    static final long BYTES_PER_CLAIM = 10_000;

    @Inject
    public WarmThreads(TransactionSynchronizationRegistry transactions,
                       @ConfigProperty(name = "claimtrack.evaluation.warm-threads.heap-share", defaultValue = "0.2") double heapShare,
                       @ConfigProperty(name = "claimtrack.evaluation.warm-threads.min-claims", defaultValue = "8") int minClaims,
                       @ConfigProperty(name = "claimtrack.evaluation.warm-threads.check-every", defaultValue = "50") long checkEvery) {
        this(transactions, capacity(heapShare), minClaims, checkEvery);
    }

    private static long capacity(double heapShare) {
        if (heapShare < 0 || heapShare > 0.5) {
            throw new IllegalArgumentException("claimtrack.evaluation.warm-threads.heap-share is between 0 (off) and 0.5");
        }
        return (long) (heapShare * Runtime.getRuntime().maxMemory() / BYTES_PER_CLAIM);
    }

    /** Holding at most {@code capacity} claims in all (0: none is kept warm); every {@code checkEvery}th use checked (0: none). */
    WarmThreads(TransactionSynchronizationRegistry transactions, long capacity, int minClaims, long checkEvery) {
        if (capacity < 0 || minClaims < 1 || checkEvery < 0) {
            throw new IllegalArgumentException("claimtrack.evaluation.warm-threads.min-claims is 1 or more, and"
                    + " claimtrack.evaluation.warm-threads.check-every 0 (never) or more");
        }
        this.transactions = transactions;
        this.capacity = capacity;
        this.minClaims = minClaims;
        this.checkEvery = checkEvery;
    }

    /**
     * Whether a thread of this many claims, just evaluated afresh, is worth keeping warm under this ruleset:
     * small ones are cheap to evaluate afresh, one touched once may never be touched again, and a ruleset
     * caught concluding otherwise warm than afresh is never trusted warm.
     */
    public boolean worthKeeping(long threadId, int claims, CompiledRuleset ruleset) {
        if (capacity == 0 || claims < minClaims || claims > capacity || distrusted.contains(ruleset)) {
            return false;
        }
        synchronized (this) {
            // Kept on its second evaluation in a while, not its first: a thread touched once (a random dispute in
            // a large archive, a bulk run) would only push out one the desk is working on, and churn the heap.
            return seenOnce.remove(threadId) != null || seenOnce.put(threadId, Boolean.TRUE) != null;
        }
    }

    /** Whether this warm evaluation is one of those checked against a fresh one (every {@code check-every}th). */
    boolean checkDue() {
        return checkEvery > 0 && evaluations.incrementAndGet() % checkEvery == 0;
    }

    /** A ruleset whose conclusions were found to depend on the order facts arrive in: no thread is kept warm under it. */
    void distrust(CompiledRuleset ruleset) {
        synchronized (this) {
            distrusted.add(ruleset);
            distrustedRulesets++;
        }
    }

    /**
     * Takes the thread's warm session if it was made at this thread version under this compiled ruleset;
     * a session made at any other is closed (so one made under a ruleset no longer active lives only until
     * its thread is next evaluated or it is evicted). @return the session, or null
     */
    ThreadSession take(long threadId, long threadVersion, CompiledRuleset ruleset) {
        Kept found;
        synchronized (this) {
            found = kept.remove(threadId);
            if (found != null) {
                claimsKept -= found.session.claims();
            }
        }
        if (found == null) {
            return null;
        }
        boolean current = found.threadVersion == threadVersion && found.session.builtUnder(ruleset)
                && found.session.usable() && !distrusted.contains(ruleset);
        synchronized (this) {
            if (current) {
                taken++;
            } else {
                stale++;
            }
        }
        if (current) {
            return found.session;
        }
        found.session.close();
        return null;
    }

    /**
     * Keeps {@code thread}'s session until the caller's transaction ends: back in the cache at the thread's
     * committed version if it commits, closed if it rolls back.
     */
    void holdUntilCompletion(long threadId, LockedThreads.Held thread) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                ThreadSession session = thread.session;
                thread.session = null;
                if (session == null) {
                    return;
                }
                if (status == Status.STATUS_COMMITTED && session.usable()) {
                    put(threadId, new Kept(session, thread.committedVersion()));
                } else {
                    session.close();
                }
            }
        });
    }

    /** Keeps a session, unless one made at the same or a later version of the thread came back first. */
    private void put(long threadId, Kept entry) {
        Kept dropped;
        synchronized (this) {
            Kept present = kept.get(threadId);
            // Two sessions at one version reflect one committed state; the one present stays.
            if (present != null && present.threadVersion >= entry.threadVersion && present.session != entry.session) {
                dropped = entry;
            } else {
                kept.put(threadId, entry);
                claimsKept += entry.session.claims();
                if (present != null) {
                    claimsKept -= present.session.claims();
                }
                dropped = present;
            }
        }
        if (dropped != null) {
            dropped.session.close();
        }
        evictBeyondCapacity();
    }

    private void evictBeyondCapacity() {
        while (true) {
            Kept evicted;
            synchronized (this) {
                if (claimsKept <= capacity || kept.isEmpty()) {
                    return;
                }
                Iterator<Map.Entry<Long, Kept>> eldest = kept.entrySet().iterator();
                evicted = eldest.next().getValue();
                eldest.remove();
                claimsKept -= evicted.session.claims();
            }
            evicted.session.close();
        }
    }

    /**
     * How many threads and claims are warm now; how many times a warm thread was used, and found stale; how
     * many rulesets were caught concluding otherwise warm than afresh.
     */
    public synchronized Stats stats() {
        return new Stats(kept.size(), claimsKept, taken, stale, distrustedRulesets);
    }

    public record Stats(int threads, long claims, long taken, long stale, long distrustedRulesets) {
    }

    private record Kept(ThreadSession session, long threadVersion) {
    }
}
