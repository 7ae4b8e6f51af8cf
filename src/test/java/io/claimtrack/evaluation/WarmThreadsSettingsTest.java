package io.claimtrack.evaluation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Warm threads' settings out of range stop the start, naming the setting (the bean is made at start). */
class WarmThreadsSettingsTest {

    @Test
    void shouldRefuseAHeapShareOutOfRangeNamingIt() {
        for (double share : new double[] {-0.1, 0.51, 5}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> new WarmThreads(null, share, 8, 50));
            assertTrue(refused.getMessage().contains("claimtrack.evaluation.warm-threads.heap-share"), refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new WarmThreads(null, 0.2, 0, 50));
        assertThrows(IllegalArgumentException.class, () -> new WarmThreads(null, 0.2, 8, -1));
    }

    @Test
    void shouldKeepNothingWarmWhenTurnedOff() {
        WarmThreads off = new WarmThreads(null, 0.0, 8, 50);
        assertFalse(off.worthKeeping(1, 100, null));
        assertFalse(off.worthKeeping(1, 100, null), "not even the second time");
    }
}
