package io.claimtrack.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.evaluation.TimePassing;
import io.claimtrack.time.MovableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Jobs one instance runs for all: a lease another instance holds (written here into the database, as that
 * instance would) keeps this one off the job until it runs out; then this one takes it.
 */
@QuarkusTest
class JobLeasesTest {

    private static final String OTHER = "instance-other";

    @Inject
    JobLeases leases;

    @Inject
    TimePassing timePassing;

    @Inject
    MovableClock clock;

    @AfterEach
    void freeTheLease() {
        holdAs(null, Instant.EPOCH);
    }

    @Test
    void shouldLeaveTimePassingToTheInstanceHoldingItsLease() {
        assertTrue(leases.claim(JobLeases.TIME_PASSING, Duration.ofHours(1)), "a free lease is taken");
        assertTrue(leases.claim(JobLeases.TIME_PASSING, Duration.ofHours(1)), "its holder may claim it again");

        holdAs(OTHER, clock.instant().plus(Duration.ofHours(1)));
        assertFalse(leases.claim(JobLeases.TIME_PASSING, Duration.ofHours(1)), "another instance's lease is kept");
        assertEquals(0, timePassing.reevaluateAll(), "time passing is the other instance's this period");
        assertEquals(OTHER, lease().holder);

        holdAs(OTHER, clock.instant().minus(Duration.ofSeconds(1)));
        assertTrue(leases.claim(JobLeases.TIME_PASSING, Duration.ofHours(1)), "a lease that ran out is taken over");
        assertEquals(leases.instance(), lease().holder);

        leases.release(JobLeases.TIME_PASSING);
        assertFalse(lease().leaseUntil.isAfter(clock.instant()), "released: free from now on");
    }

    private static void holdAs(String holder, Instant until) {
        QuarkusTransaction.requiringNew().run(() -> JobLeaseEntity.update("holder = ?1, leaseUntil = ?2 where job = ?3",
                holder, until, JobLeases.TIME_PASSING));
    }

    private static JobLeaseEntity lease() {
        return QuarkusTransaction.requiringNew().call(() -> JobLeaseEntity.<JobLeaseEntity>findById(JobLeases.TIME_PASSING));
    }
}
