package io.claimtrack.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.claimtrack.claim.ClaimEntity;
import io.claimtrack.facts.Claim;
import io.claimtrack.rules.Assessment;
import io.claimtrack.rules.CompiledRuleset;
import io.claimtrack.rules.Evaluation;
import io.claimtrack.rules.FactSet;
import io.claimtrack.rules.RuleEngine;
import io.claimtrack.rules.Transition;
import io.claimtrack.status.StatusRecorder;
import io.claimtrack.verdict.VerdictEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Gathers a dispute thread's facts as of an instant (claims asserted by then, verdicts in force then,
 * and the instant itself), has the rules evaluate them, and, for the present, records the conclusions.
 * A thread is the unit of evaluation: its statuses never depend on another thread.
 */
@ApplicationScoped
public class ThreadEvaluation {

    private final RuleEngine ruleEngine;
    private final StatusRecorder statusRecorder;
    private final Clock clock;

    public ThreadEvaluation(RuleEngine ruleEngine, StatusRecorder statusRecorder, Clock clock) {
        this.ruleEngine = ruleEngine;
        this.statusRecorder = statusRecorder;
        this.clock = clock;
    }

    /** One writer per thread at a time, so every evaluation sees every claim recorded before it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(long threadId) {
        ClaimEntity.findById(threadId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Re-evaluates the thread now and records what changed. @return how many claims changed */
    @Transactional(Transactional.TxType.MANDATORY)
    public int reevaluate(long threadId, String cause) {
        Instant now = clock.instant();
        return statusRecorder.record(ruleEngine.evaluate(facts(ClaimEntity.inThread(threadId), now)), cause);
    }

    /** The threads as they stood at {@code asOf} in event time, under the active ruleset. Nothing is recorded. */
    @Transactional
    public Evaluation asOf(Collection<Long> threadIds, Instant asOf) {
        CompiledRuleset ruleset = ruleEngine.active(); // one version for the whole answer
        return new Evaluation(ruleset.version(), evaluate(ClaimEntity.inThreads(threadIds, asOf), asOf, ruleset));
    }

    /**
     * Re-evaluates every thread now, one transaction per thread (so a long run never holds one lock
     * for long), recording what changed with {@code cause}. @return how many claims changed
     */
    public int reevaluateAll(String cause) {
        return reevaluate(QuarkusTransaction.requiringNew().call(ClaimEntity::threadIds), cause);
    }

    /** Re-evaluates these threads now, one transaction each. @return how many claims changed */
    public int reevaluate(List<Long> threadIds, String cause) {
        int changed = 0;
        for (Long threadId : threadIds) {
            changed += QuarkusTransaction.requiringNew().call(() -> {
                lock(threadId);
                return reevaluate(threadId, cause);
            });
        }
        return changed;
    }

    /** Every claim evaluated now under {@code ruleset}, e.g. a draft being previewed. Nothing is recorded. */
    @Transactional
    public Map<Long, Assessment> evaluateAllWith(CompiledRuleset ruleset) {
        Instant now = clock.instant();
        return evaluate(ClaimEntity.inThreads(ClaimEntity.threadIds(), now), now, ruleset);
    }

    /** Evaluates the given claims thread by thread, each thread alone, as of {@code asOf}. */
    private Map<Long, Assessment> evaluate(List<ClaimEntity> claims, Instant asOf, CompiledRuleset ruleset) {
        Map<Long, List<ClaimEntity>> byThread = new HashMap<>();
        for (ClaimEntity claim : claims) {
            byThread.computeIfAbsent(claim.threadId, t -> new ArrayList<>()).add(claim);
        }
        Map<Long, Assessment> assessments = new HashMap<>();
        for (List<ClaimEntity> thread : byThread.values()) {
            assessments.putAll(ruleEngine.evaluate(ruleset, facts(thread, asOf)));
        }
        return assessments;
    }

    /** How a claim's status moved in event time, up to now, under the active ruleset. */
    @Transactional
    public List<Transition> timeline(ClaimEntity claim) {
        List<Claim> facts = ClaimEntity.inThread(claim.threadId).stream().map(ClaimEntity::toFact).toList();
        return ruleEngine.timeline(facts, claim.id, clock.instant());
    }

    private static FactSet facts(List<ClaimEntity> thread, Instant asOf) {
        List<ClaimEntity> asserted = thread.stream().filter(c -> !c.assertedAt.isAfter(asOf)).toList();
        List<Long> ids = asserted.stream().map(c -> c.id).toList();
        return new FactSet(asserted.stream().map(ClaimEntity::toFact).toList(),
                VerdictEntity.inForce(ids, asOf).stream().map(VerdictEntity::toFact).toList(), asOf);
    }
}
