package io.claimtrack.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** The pool's bounds, on work that stands in for rules: a busy loop and an allocating one. */
class BoundedRunTest {

    @Test
    void shouldReturnWhatTheWorkReturnsWithinItsBudget() {
        BoundedRun pool = new BoundedRun("test-quick", 1, 2).withBudget(Duration.ofSeconds(5));

        assertEquals(Integer.valueOf(42), pool.run("quick work", run -> 42));
    }

    @Test
    void shouldStopWorkStuckPastItsBudget() {
        BoundedRun pool = new BoundedRun("test-stuck", 1, 2).withBudget(Duration.ofMillis(300));
        AtomicBoolean ended = new AtomicBoolean();
        long started = System.nanoTime();

        RunawayRulesException stopped = assertThrows(RunawayRulesException.class, () -> pool.run("a busy loop", run -> {
            try {
                long spins = 0;
                while (true) { // no firing to halt between: only stopping the thread ends it
                    spins++;
                    if (spins == Long.MAX_VALUE) {
                        return 0;
                    }
                }
            } finally {
                ended.set(true);
            }
        }));

        assertTrue(stopped.getMessage().contains("budget"), stopped.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 5_000);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!ended.get() && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // the stopped thread unwinds through its finally block
        }
        assertTrue(ended.get(), "the thread was stopped, not left running");
    }

    @Test
    void shouldGiveRunsThatShareABudgetOneDeadline() {
        BoundedRun pool = new BoundedRun("test-shared", 1, 2).withBudget(Duration.ofMillis(800));
        BoundedRun shared = pool.sharingOneBudget();

        shared.run("first half", run -> sleep(500));

        RunawayRulesException stopped = assertThrows(RunawayRulesException.class,
                () -> shared.run("second half", run -> sleep(500)));
        assertTrue(stopped.getMessage().contains("share"), stopped.getMessage());
        assertEquals(Integer.valueOf(1), pool.run("alone, a full budget again", run -> sleep(500)));
    }

    @Test
    void shouldStopWorkThatAllocatesPastItsAllocationBudget() {
        BoundedRun pool = new BoundedRun("test-alloc", 1, 2).withBudget(Duration.ofSeconds(30));
        BoundedRun.configureAllocation(pool, 64L << 20);

        RunawayRulesException stopped = assertThrows(RunawayRulesException.class, () -> pool.run("an allocating loop", run -> {
            java.util.List<byte[]> kept = new java.util.ArrayList<>();
            while (true) {
                kept.add(new byte[1 << 16]);
                if (kept.size() > 4096) {
                    kept.clear(); // garbage counts too: the budget is what the thread allocates
                }
            }
        }));

        assertTrue(stopped.getMessage().contains("allocated more than 64 MB"), stopped.getMessage());
    }

    private static int sleep(long millis) {
        try {
            Thread.sleep(millis); // stands in for rule work that takes this long
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 1;
    }
}
