package io.claimtrack.imports;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.claimtrack.store.JobLeases;

/** A lease that could run out between two of its renewals is refused at start, naming both settings. */
class ImportWorkerSettingsTest {

    private final JobLeases leases = new JobLeases(Clock.systemUTC(), 8080);

    @Test
    void shouldRefuseALeaseShorterThanTwoRenewals() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new ImportWorker(null, null, Clock.systemUTC(), leases, 1000, Duration.ofSeconds(5), Duration.ofSeconds(3)));
        assertTrue(refused.getMessage().contains("claimtrack.imports.lease (PT5S)"), refused.getMessage());
        assertTrue(refused.getMessage().contains("claimtrack.imports.look-every (PT3S)"), refused.getMessage());
        assertDoesNotThrow(() -> new ImportWorker(null, null, Clock.systemUTC(), leases, 1000, Duration.ofSeconds(30),
                Duration.ofSeconds(5)));
    }
}
