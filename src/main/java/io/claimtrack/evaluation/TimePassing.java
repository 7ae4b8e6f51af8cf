package io.claimtrack.evaluation;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

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

    public TimePassing(ThreadEvaluation threads) {
        this.threads = threads;
    }

    @Scheduled(every = "${claimtrack.reevaluation.every}", delayed = "${claimtrack.reevaluation.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        reevaluateAll();
    }

    /** @return how many claims changed status or flags */
    public int reevaluateAll() {
        int changed = threads.reevaluateAllInBatches(CAUSE);
        if (changed > 0) {
            LOG.infof("Time passed: %d claims changed status or flags", changed);
        }
        return changed;
    }
}
