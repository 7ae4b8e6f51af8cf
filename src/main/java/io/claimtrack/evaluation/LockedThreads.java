package io.claimtrack.evaluation;

import java.util.HashSet;
import java.util.Set;

import jakarta.transaction.TransactionScoped;

/**
 * The threads the current transaction holds: those it locked, and those it created (nobody else can
 * see them before it commits). Asking again for a lock it holds costs no query, which matters to an
 * import storing a thousand claims of a few threads in one transaction.
 */
@TransactionScoped
public class LockedThreads {

    private final Set<Long> held = new HashSet<>();

    /** @return true when the thread was not held yet */
    boolean hold(long threadId) {
        return held.add(threadId);
    }

    boolean holds(long threadId) {
        return held.contains(threadId);
    }
}
