package io.claimtrack.evaluation;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.claimtrack.claim.ClaimEntity;
import io.claimtrack.rules.ActiveRuleset;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * A submission stores a claim and its thread's statuses in one transaction, but a re-evaluation of every
 * thread (an activation, time passing) commits thread by thread. If the process stopped in the middle,
 * some threads still carry an older ruleset's conclusions: at start they are re-evaluated, so stored
 * statuses always equal a fresh evaluation under the active ruleset.
 */
@ApplicationScoped
public class InterruptedEvaluations {

    private static final Logger LOG = Logger.getLogger(InterruptedEvaluations.class);
    static final String CAUSE = "start-up: re-evaluated after an interrupted run";

    private final ThreadEvaluation threads;
    private final ActiveRuleset activeRuleset;

    public InterruptedEvaluations(ThreadEvaluation threads, ActiveRuleset activeRuleset) {
        this.threads = threads;
        this.activeRuleset = activeRuleset;
    }

    void onStart(@Observes @Priority(150) StartupEvent start) {
        int version = activeRuleset.get().version();
        List<Long> stale = QuarkusTransaction.requiringNew().call(() -> ClaimEntity.getEntityManager().createQuery(
                "select distinct c.threadId from ClaimEntity c where not exists"
                        + " (select 1 from ClaimStatusEntity s where s.claimId = c.id and s.rulesetVersion = :version)",
                Long.class).setParameter("version", version).getResultList());
        int changed = threads.reevaluate(stale, CAUSE);
        if (!stale.isEmpty()) {
            LOG.infof("%d threads were not evaluated under the active ruleset v%d; re-evaluated, %d claims changed",
                    stale.size(), version, changed);
        }
    }
}
