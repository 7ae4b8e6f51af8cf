package io.claimtrack.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.claimtrack.claim.ClaimEntity;
import io.claimtrack.facts.Claim;
import io.claimtrack.facts.Verdict;
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

    /** Threads re-evaluated in one transaction by a bulk run: large enough to amortise a commit, small enough to hold few locks. */
    static final int THREADS_PER_TRANSACTION = 100;

    private final RuleEngine ruleEngine;
    private final StatusRecorder statusRecorder;
    private final Clock clock;
    private final LockedThreads lockedThreads;

    public ThreadEvaluation(RuleEngine ruleEngine, StatusRecorder statusRecorder, Clock clock, LockedThreads lockedThreads) {
        this.ruleEngine = ruleEngine;
        this.statusRecorder = statusRecorder;
        this.clock = clock;
        this.lockedThreads = lockedThreads;
    }

    /** One writer per thread at a time, so every evaluation sees every claim recorded before it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(long threadId) {
        if (lockedThreads.hold(threadId)) {
            ClaimEntity.findById(threadId, LockModeType.PESSIMISTIC_WRITE);
        }
    }

    /** A thread this transaction opened: nobody else sees it before the commit, so it is held already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(long threadId) {
        lockedThreads.hold(threadId);
    }

    /** Re-evaluates the thread now and records what changed. @return how many claims changed */
    @Transactional(Transactional.TxType.MANDATORY)
    public int reevaluate(long threadId, String cause) {
        return evaluateNowAndRecord(ClaimEntity.inThread(threadId), cause);
    }

    /** The threads as they stood at {@code asOf} in event time, under the active ruleset. Nothing is recorded. */
    @Transactional
    public Evaluation asOf(Collection<Long> threadIds, Instant asOf) {
        CompiledRuleset ruleset = ruleEngine.active(); // one version for the whole answer
        return new Evaluation(ruleset.version(), evaluate(ClaimEntity.inThreads(threadIds, asOf), asOf, ruleset));
    }

    /**
     * Re-evaluates every thread now, a batch of threads per transaction (so a long run never holds
     * many locks for long), recording what changed with {@code cause}. @return how many claims changed
     */
    public int reevaluateAll(String cause) {
        return reevaluate(QuarkusTransaction.requiringNew().call(ClaimEntity::threadIds), cause);
    }

    /** Re-evaluates these threads now, {@value #THREADS_PER_TRANSACTION} to a transaction. @return how many claims changed */
    public int reevaluate(List<Long> threadIds, String cause) {
        int changed = 0;
        for (int from = 0; from < threadIds.size(); from += THREADS_PER_TRANSACTION) {
            List<Long> batch = threadIds.subList(from, Math.min(from + THREADS_PER_TRANSACTION, threadIds.size()));
            changed += QuarkusTransaction.requiringNew().call(() -> reevaluateTogether(batch, cause));
        }
        return changed;
    }

    /**
     * Several threads in one transaction: locked in id order (two writers locking several threads can
     * never wait on each other in a circle), loaded with one query, each still evaluated alone.
     */
    private int reevaluateTogether(List<Long> threadIds, String cause) {
        lockAll(threadIds);
        return reevaluateHeld(threadIds, cause);
    }

    private int evaluateNowAndRecord(List<ClaimEntity> claims, String cause) {
        CompiledRuleset ruleset = ruleEngine.active();
        return statusRecorder.record(new Evaluation(ruleset.version(), evaluate(claims, clock.instant(), ruleset)), cause);
    }

    /** Locks these threads, in ascending id order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAll(Collection<Long> threadIds) {
        List<Long> toLock = new TreeSet<>(threadIds).stream().filter(id -> !lockedThreads.holds(id)).toList();
        if (!toLock.isEmpty()) {
            ClaimEntity.find("id in ?1 order by id", toLock).withLock(LockModeType.PESSIMISTIC_WRITE).list();
            toLock.forEach(lockedThreads::hold);
        }
    }

    /**
     * Re-evaluates threads this transaction holds (see {@link #lockAll}) now, loading them with one
     * query, and records what changed. @return how many claims changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int reevaluateHeld(Collection<Long> threadIds, String cause) {
        if (threadIds.stream().anyMatch(id -> !lockedThreads.holds(id))) {
            throw new IllegalStateException("re-evaluating threads this transaction does not hold: " + threadIds);
        }
        return threadIds.isEmpty() ? 0 : evaluateNowAndRecord(ClaimEntity.inThreads(threadIds, clock.instant()), cause);
    }

    /**
     * Every claim evaluated now under {@code ruleset} (a draft being previewed), a batch of threads at a
     * time: each batch's assessments go to {@code consumer} inside that batch's transaction, so it can
     * compare them with what is stored, and no more than a batch is held at once. Nothing is recorded.
     */
    public void evaluateAllWith(CompiledRuleset ruleset, Consumer<Map<Long, Assessment>> consumer) {
        List<Long> threadIds = QuarkusTransaction.requiringNew().call(ClaimEntity::threadIds);
        Instant now = clock.instant();
        for (int from = 0; from < threadIds.size(); from += THREADS_PER_TRANSACTION) {
            List<Long> batch = threadIds.subList(from, Math.min(from + THREADS_PER_TRANSACTION, threadIds.size()));
            QuarkusTransaction.requiringNew().run(() -> consumer.accept(evaluate(ClaimEntity.inThreads(batch, now), now, ruleset)));
        }
    }

    /** Evaluates the given claims thread by thread, each thread alone, as of {@code asOf}. */
    private Map<Long, Assessment> evaluate(List<ClaimEntity> claims, Instant asOf, CompiledRuleset ruleset) {
        List<ClaimEntity> asserted = claims.stream().filter(c -> !c.assertedAt.isAfter(asOf)).toList();
        Map<Long, List<Verdict>> verdicts = new HashMap<>();
        for (VerdictEntity verdict : VerdictEntity.inForce(asserted.stream().map(c -> c.id).toList(), asOf)) {
            verdicts.computeIfAbsent(verdict.claimId, id -> new ArrayList<>()).add(verdict.toFact());
        }
        Map<Long, List<Claim>> claimsByThread = new HashMap<>();
        Map<Long, List<Verdict>> verdictsByThread = new HashMap<>();
        for (ClaimEntity claim : asserted) {
            claimsByThread.computeIfAbsent(claim.threadId, t -> new ArrayList<>()).add(claim.toFact());
            verdictsByThread.computeIfAbsent(claim.threadId, t -> new ArrayList<>())
                    .addAll(verdicts.getOrDefault(claim.id, List.of()));
        }
        Map<Long, Assessment> assessments = new HashMap<>();
        claimsByThread.forEach((thread, threadClaims) -> assessments.putAll(ruleEngine.evaluate(ruleset,
                new FactSet(threadClaims, verdictsByThread.get(thread), asOf))));
        return assessments;
    }

    /** How a claim's status moved in event time, up to now, under the active ruleset. */
    @Transactional
    public List<Transition> timeline(ClaimEntity claim) {
        List<Claim> facts = ClaimEntity.inThread(claim.threadId).stream().map(ClaimEntity::toFact).toList();
        return ruleEngine.timeline(facts, claim.id, clock.instant());
    }
}
