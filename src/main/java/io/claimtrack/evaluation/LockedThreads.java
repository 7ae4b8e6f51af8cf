package io.claimtrack.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.transaction.TransactionScoped;

import io.claimtrack.rules.ThreadSession;

/**
 * The threads the current transaction holds: those it locked, and those it created (nobody else can
 * see them before it commits), with what it changed in each. Asking again for a lock it holds costs no
 * query, which matters to an import storing a thousand claims of a few threads in one transaction.
 */
@TransactionScoped
public class LockedThreads {

    private final Map<Long, Held> held = new HashMap<>();

    /** @return true when the thread was not held yet */
    boolean hold(long threadId, long version) {
        return held.putIfAbsent(threadId, new Held(version)) == null;
    }

    boolean holds(long threadId) {
        return held.containsKey(threadId);
    }

    Held get(long threadId) {
        Held thread = held.get(threadId);
        if (thread == null) {
            throw new IllegalStateException("thread #" + threadId + " is not held by this transaction");
        }
        return thread;
    }

    /** One held thread: its version when this transaction took it, and what this transaction did to it. */
    static final class Held {

        /** The thread's stored version when this transaction locked (or created) it. */
        final long lockedVersion;
        /** Claims this transaction added to the thread, each with the evidence it came with, in the order recorded. */
        final List<Object> added = new ArrayList<>();
        /** How many of {@link #added} the warm session has been given. */
        int addedApplied;
        /** True when this transaction changed the thread's facts in a way other than adding claims (a verdict). */
        boolean changedOtherwise;
        /** True once this transaction moved the stored version (once is enough: others see only the commit). */
        boolean versionMoved;
        /** The thread's warm session, taken by this transaction: back to the cache if it commits, closed if not. */
        ThreadSession session;

        Held(long lockedVersion) {
            this.lockedVersion = lockedVersion;
        }

        boolean changed() {
            return !added.isEmpty() || changedOtherwise;
        }

        /** The version the thread will have once this transaction commits. */
        long committedVersion() {
            return versionMoved ? lockedVersion + 1 : lockedVersion;
        }
    }
}
