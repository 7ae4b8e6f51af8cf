package io.claimtrack.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits on a condition with a deadline, never on time alone: a loaded machine makes a test slower, not
 * wrong. Polls briefly (20 ms) so a fast machine does not wait for nothing.
 */
public final class Await {

    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /** The first value {@code read} answers that {@code done} accepts; fails naming {@code what} past the deadline. */
    public static <T> T until(String what, Duration timeout, Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = read.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            last = read.get();
        }
        return last;
    }

    public static void until(String what, Duration timeout, Supplier<Boolean> condition) {
        until(what, timeout, condition, Boolean::booleanValue);
    }
}
