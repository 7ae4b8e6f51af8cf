package io.claimtrack.evaluation;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.claimtrack.store.JobLeases;

import io.quarkus.scheduler.Scheduled;

/**
 * Time is a fact too: a status can change with nothing new said (STALE). Every period, each thread is
 * re-evaluated as of now, a batch of threads to a transaction, and what changed is recorded as "time passed".
 */
@ApplicationScoped
public class TimePassing {

    private static final Logger LOG = Logger.getLogger(TimePassing.class);
    public static final String CAUSE = "time passed";

    private final ThreadEvaluation threads;
    private final JobLeases leases;
    private final Duration every;

    public TimePassing(ThreadEvaluation threads, JobLeases leases,
                       @ConfigProperty(name = "claimtrack.reevaluation.every") Duration every) {
        this.threads = threads;
        this.leases = leases;
        this.every = every;
    }

    @Scheduled(every = "${claimtrack.reevaluation.every}", delayed = "${claimtrack.reevaluation.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        reevaluateAll();
    }

    /**
     * Once per period for all instances on the database: the lease is held for the whole period, so of
     * several instances' schedules only the first in each period runs, and if its holder dies the next
     * period's first taker does. @return how many claims changed status or flags (0 when another instance
     * has this period)
     */
    public int reevaluateAll() {
        if (!leases.claim(JobLeases.TIME_PASSING, every)) {
            LOG.debugf("Time passing is another instance's this period");
            return 0;
        }
        int changed = threads.reevaluateAllInBatches(CAUSE);
        if (changed > 0) {
            LOG.infof("Time passed: %d claims changed status or flags", changed);
        }
        return changed;
    }
}
