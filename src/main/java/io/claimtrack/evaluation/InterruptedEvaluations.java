package io.claimtrack.evaluation;

import java.time.Duration;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.claimtrack.store.JobLeases;
import io.quarkus.runtime.StartupEvent;

/**
 * A submission stores a claim and its thread's statuses in one transaction, but a re-evaluation of every
 * thread (an activation, time passing) commits a batch of threads at a time. If the process stopped in
 * the middle, some threads still carry an older ruleset's conclusions: at start they are re-evaluated, so
 * stored statuses always equal a fresh evaluation under the active ruleset.
 */
@ApplicationScoped
public class InterruptedEvaluations {

    private static final Logger LOG = Logger.getLogger(InterruptedEvaluations.class);
    static final String CAUSE = "start-up: re-evaluated after an interrupted run";

    /** Long enough for any repair; a holder that dies leaves it to the next instance starting after that. */
    private static final Duration LEASE = Duration.ofMinutes(30);

    private final ThreadEvaluation evaluation;
    private final JobLeases leases;

    public InterruptedEvaluations(ThreadEvaluation evaluation, JobLeases leases) {
        this.evaluation = evaluation;
        this.leases = leases;
    }

    /** One instance repairs at a time (the others start without waiting; time passing mends anything left). */
    void onStart(@Observes @Priority(150) StartupEvent start) {
        if (!leases.claim(JobLeases.START_UP_REPAIR, LEASE)) {
            LOG.info("Another instance is repairing interrupted evaluations; this one starts without");
            return;
        }
        try {
            List<Long> stale = evaluation.notEvaluatedUnderActive();
            int changed = evaluation.reevaluateInBatches(stale, CAUSE);
            if (!stale.isEmpty()) {
                LOG.infof("%d threads were not evaluated under the active ruleset; re-evaluated, %d claims changed",
                        stale.size(), changed);
            }
        } finally {
            leases.release(JobLeases.START_UP_REPAIR);
        }
    }
}
