package io.claimtrack.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import io.claimtrack.facts.Claim;
import io.claimtrack.facts.Evidence;
import io.claimtrack.facts.Review;
import io.claimtrack.facts.Verdict;
import io.claimtrack.rules.ActiveRuleset;
import io.claimtrack.rules.Assessment;
import io.claimtrack.rules.CompiledRuleset;
import io.claimtrack.rules.Evaluation;
import io.claimtrack.rules.FactSet;
import io.claimtrack.rules.PolicyEvaluator;
import io.claimtrack.rules.ThreadSession;
import io.claimtrack.rules.Transition;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Gathers a dispute thread's facts as of an instant (claims asserted by then, verdicts in force then,
 * the desk's reviews as they stood then, the evidence known then, and the instant itself), has the rules evaluate them, and, for the present, records the conclusions.
 * A thread is the unit of evaluation: its statuses never depend on another thread.
 *
 * <p>The names say the transaction contract: {@code lock}, {@code opened} and {@code reevaluateLocked}
 * work inside the caller's transaction (and refuse to run outside one); the {@code ...InBatches} methods
 * commit a batch of threads at a time and refuse to run inside a caller's transaction, which they could
 * not roll back; reads record nothing.
 */
@ApplicationScoped
public class ThreadEvaluation {

    private static final Logger LOG = Logger.getLogger(ThreadEvaluation.class);

    /** Threads re-evaluated in one transaction by a bulk run: large enough to amortise a commit, small enough to hold few locks. */
    static final int THREADS_PER_TRANSACTION = 100;

    private final ActiveRuleset rules;
    private final ActiveVersionStore versions;
    private final ThreadStore threads;
    private final VerdictsInForce verdicts;
    private final ReviewsKnown reviews;
    private final EvidenceKnown evidence;
    private final Conclusions conclusions;
    private final Clock clock;
    private final LockedThreads lockedThreads;
    private final WarmThreads warmThreads;
    private final EvaluationMetrics metrics;

    public ThreadEvaluation(ActiveRuleset rules, ActiveVersionStore versions, ThreadStore threads,
                            VerdictsInForce verdicts, ReviewsKnown reviews, EvidenceKnown evidence,
                            Conclusions conclusions, Clock clock,
                            LockedThreads lockedThreads, WarmThreads warmThreads, EvaluationMetrics metrics) {
        this.metrics = metrics;
        this.rules = rules;
        this.versions = versions;
        this.threads = threads;
        this.verdicts = verdicts;
        this.reviews = reviews;
        this.evidence = evidence;
        this.conclusions = conclusions;
        this.clock = clock;
        this.lockedThreads = lockedThreads;
        this.warmThreads = warmThreads;
    }

    /**
     * Locks these threads until the caller's transaction ends: one writer per thread at a time, so every
     * evaluation sees every claim recorded before it. In ascending id order, so two writers locking
     * several threads never wait on each other in a circle; a thread already held costs no query.
     */
    @Transactional(TxType.MANDATORY)
    public void lock(Collection<Long> threadIds) {
        List<Long> toLock = new TreeSet<>(threadIds).stream().filter(id -> !lockedThreads.holds(id)).toList();
        if (!toLock.isEmpty()) {
            Map<Long, Long> versions = threads.lock(toLock);
            toLock.forEach(id -> lockedThreads.hold(id, versions.getOrDefault(id, 0L)));
        }
    }

    /** A thread the caller's transaction opened: nobody else sees it before the commit, so it is held already. */
    @Transactional(TxType.MANDATORY)
    public void opened(long threadId) {
        lockedThreads.hold(threadId, 0);
    }

    /**
     * The caller's transaction added this claim to a thread it holds, with the evidence it came with (its
     * source). With {@link #changedOtherwise}, the
     * one way a writer says what it changed: a warm session of the thread is given exactly the claims
     * said here, so a writer that changes a thread's facts without saying so would leave it stale.
     */
    @Transactional(TxType.MANDATORY)
    public void added(long threadId, Claim claim, List<Evidence> cameWith) {
        LockedThreads.Held thread = lockedThreads.get(threadId);
        thread.added.add(claim);
        thread.added.addAll(cameWith);
    }

    /** The caller's transaction changed a thread's facts otherwise than by adding claims (a verdict): evaluated afresh. */
    @Transactional(TxType.MANDATORY)
    public void changedOtherwise(long threadId) {
        lockedThreads.get(threadId).changedOtherwise = true;
    }

    /**
     * Re-evaluates threads the caller's transaction holds ({@link #lock}, {@link #opened}) as of now and
     * records what changed, in that transaction. A thread that is warm and was changed only by added claims
     * is advanced by those claims; any other is read and evaluated afresh, and kept warm if it is large.
     * @return how many claims changed
     */
    @Transactional(TxType.MANDATORY)
    public int reevaluateLocked(Collection<Long> threadIds, String cause) {
        return reevaluate(threadIds, cause, true);
    }

    private int reevaluate(Collection<Long> threadIds, String cause, boolean keepWarm) {
        if (threadIds.stream().anyMatch(id -> !lockedThreads.holds(id))) {
            throw new IllegalStateException("re-evaluating threads this transaction does not hold: " + threadIds);
        }
        if (threadIds.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        CompiledRuleset ruleset = activeRuleset();
        Instant now = clock.instant();
        moveVersions(threadIds);
        int changed = conclusions.record(new Evaluation(ruleset.version(), evaluateHeld(threadIds, now, ruleset, keepWarm)),
                cause);
        metrics.evaluated(EvaluationMetrics.Cause.of(cause), started);
        return changed;
    }

    /** The stored version of each thread whose facts this transaction changed moves, once per transaction. */
    private void moveVersions(Collection<Long> threadIds) {
        List<Long> changed = new ArrayList<>();
        for (long threadId : threadIds) {
            LockedThreads.Held thread = lockedThreads.get(threadId);
            if (thread.changed() && !thread.versionMoved) {
                thread.versionMoved = true;
                changed.add(threadId);
            }
        }
        if (!changed.isEmpty()) {
            threads.changed(changed);
        }
    }

    /**
     * Held threads evaluated as of now: each warm one advanced by the claims added since it was last
     * given any, the rest read and evaluated afresh (and made warm when {@code keepWarm} and worth it).
     */
    private Map<Long, Assessment> evaluateHeld(Collection<Long> threadIds, Instant now, CompiledRuleset ruleset,
                                               boolean keepWarm) {
        Map<Long, Assessment> assessments = new HashMap<>();
        List<Long> cold = new ArrayList<>();
        for (long threadId : threadIds) {
            LockedThreads.Held thread = lockedThreads.get(threadId);
            ThreadSession warm = warmSession(threadId, thread, ruleset);
            if (warm == null) {
                cold.add(threadId);
                continue;
            }
            List<Object> added = List.copyOf(thread.added.subList(thread.addedApplied, thread.added.size()));
            thread.addedApplied = thread.added.size();
            Map<Long, Assessment> moved = rules.advance(warm, added, now);
            if (warmThreads.checkDue() && !agreesAfresh(threadId, thread, warm, now, ruleset, assessments)) {
                continue;
            }
            assessments.putAll(moved);
        }
        if (cold.isEmpty()) {
            return assessments;
        }
        List<FactSet> afresh = new ArrayList<>();
        forEachThread(cold, now, (threadId, facts) -> {
            LockedThreads.Held thread = lockedThreads.get(threadId);
            thread.addedApplied = thread.added.size(); // read from the database, they are all in
            thread.changedOtherwise = false;
            if (keepWarm && warmThreads.worthKeeping(threadId, facts.claims().size(), ruleset)) {
                PolicyEvaluator.Warmed warmed = rules.warm(ruleset, facts);
                thread.session = warmed.session();
                warmThreads.holdUntilCompletion(threadId, thread);
                assessments.putAll(warmed.assessments());
            } else {
                afresh.add(facts);
            }
        });
        assessments.putAll(rules.evaluateAll(ruleset, afresh));
        return assessments;
    }

    /**
     * The spot check of a warm thread: every claim's conclusions in the session against evaluating the thread
     * afresh. They agree for a ruleset whose conclusions do not depend on the order facts arrive in (the
     * default policy: WarmThreadPropertyTest); an analyst's ruleset that plainly inserts a conclusion a later
     * fact would have prevented does not. Then the fresh conclusions are the ones recorded, the session is
     * closed, and no thread is kept warm under that ruleset again. @return true when they agree
     */
    private boolean agreesAfresh(long threadId, LockedThreads.Held thread, ThreadSession warm, Instant now,
                                 CompiledRuleset ruleset, Map<Long, Assessment> assessments) {
        Map<Long, Assessment> afresh = evaluate(List.of(threadId), now, ruleset);
        Map<Long, Assessment> inSession = rules.conclusions(warm);
        if (afresh.equals(inSession)) {
            return true;
        }
        long differing = afresh.keySet().stream().filter(id -> !afresh.get(id).equals(inSession.get(id)))
                .findFirst().orElse(-1L);
        LOG.warnf("Ruleset v%d concludes differently on thread #%d when claims arrive one by one than afresh"
                + " (claim #%d: %s warm, %s afresh): its conclusions depend on the order facts arrive in. The fresh"
                + " conclusions are recorded, and no thread is kept warm under this ruleset from now on.",
                ruleset.version(), threadId, differing, statusOf(inSession.get(differing)), statusOf(afresh.get(differing)));
        warmThreads.distrust(ruleset);
        thread.session = null;
        warm.close();
        assessments.putAll(afresh);
        return false;
    }

    private static String statusOf(Assessment assessment) {
        return assessment == null ? "no status" : assessment.status() + " " + assessment.flags().keySet();
    }

    /** The held thread's warm session, if it has a usable one for this ruleset and nothing but added claims changed. */
    private ThreadSession warmSession(long threadId, LockedThreads.Held thread, CompiledRuleset ruleset) {
        if (thread.session == null) {
            thread.session = warmThreads.take(threadId, thread.lockedVersion, ruleset);
            if (thread.session == null) {
                return null;
            }
            warmThreads.holdUntilCompletion(threadId, thread);
        }
        ThreadSession warm = thread.session;
        if (warm.usable() && warm.builtUnder(ruleset) && !thread.changedOtherwise) {
            return warm;
        }
        thread.session = null;
        warm.close();
        return null;
    }

    /** Every thread re-evaluated now, as {@link #reevaluateInBatches}. @return how many claims changed */
    @Transactional(TxType.NEVER)
    public int reevaluateAllInBatches(String cause) {
        return reevaluateInBatches(QuarkusTransaction.requiringNew().call(threads::allThreadIds), cause);
    }

    /**
     * Re-evaluates these threads now, {@value #THREADS_PER_TRANSACTION} to a transaction of its own (so
     * a long run never holds many locks for long), recording what changed with {@code cause}.
     * @return how many claims changed
     */
    @Transactional(TxType.NEVER)
    public int reevaluateInBatches(List<Long> threadIds, String cause) {
        return reevaluateInBatches(threadIds, cause, false);
    }

    /**
     * As {@link #reevaluateInBatches}, for threads whose facts a committed change touched otherwise than
     * through them (an actor's blocs): each is read and evaluated afresh, and its version moves, so no warm
     * session of it, here or on another instance, is used again.
     */
    @Transactional(TxType.NEVER)
    public int reevaluateChangedInBatches(List<Long> threadIds, String cause) {
        return reevaluateInBatches(threadIds, cause, true);
    }

    private int reevaluateInBatches(List<Long> threadIds, String cause, boolean changed) {
        int claimsChanged = 0;
        for (List<Long> batch : batches(threadIds)) {
            claimsChanged += QuarkusTransaction.requiringNew().call(() -> {
                lock(batch);
                if (changed) {
                    batch.forEach(this::changedOtherwise);
                }
                // A bulk run uses the warm threads it meets but makes none: it would evict the desk's recent ones.
                return reevaluate(batch, cause, false);
            });
        }
        return claimsChanged;
    }

    /** The threads never evaluated under the active ruleset (an interrupted bulk run left them behind). */
    @Transactional
    public List<Long> notEvaluatedUnderActive() {
        return threads.threadsNotEvaluatedUnder(activeRuleset().version());
    }

    /**
     * Every claim evaluated now under {@code ruleset} (a draft being previewed), a batch of threads to a
     * transaction: each batch's assessments go to {@code consumer} inside that batch's transaction, so it
     * can compare them with what is stored, and no more than a batch is held at once. Nothing is recorded.
     */
    @Transactional(TxType.NEVER)
    public void previewInBatches(CompiledRuleset ruleset, Consumer<Map<Long, Assessment>> consumer) {
        List<Long> threadIds = QuarkusTransaction.requiringNew().call(threads::allThreadIds);
        Instant now = clock.instant();
        for (List<Long> batch : batches(threadIds)) {
            long started = System.nanoTime();
            QuarkusTransaction.requiringNew().run(() -> consumer.accept(evaluate(batch, now, ruleset)));
            metrics.evaluated(EvaluationMetrics.Cause.PREVIEW, started);
        }
    }

    /** The threads as they stood at {@code asOf} in event time, under the active ruleset. Nothing is recorded. */
    @Transactional
    public Evaluation asOf(Collection<Long> threadIds, Instant asOf) {
        long started = System.nanoTime();
        CompiledRuleset ruleset = activeRuleset(); // one version for the whole answer
        Evaluation evaluation = new Evaluation(ruleset.version(), evaluate(threadIds, asOf, ruleset));
        metrics.evaluated(EvaluationMetrics.Cause.AS_OF, started);
        return evaluation;
    }

    /** How a claim's status moved in event time, up to now, under the active ruleset. Nothing is recorded. */
    @Transactional
    public List<Transition> timeline(long threadId, long claimId) {
        activeRuleset();
        Instant now = clock.instant();
        return rules.timeline(threads.claimsAsOf(List.of(threadId), now).getOrDefault(threadId, List.of()), claimId, now);
    }

    /**
     * The active ruleset as the database says, read in the caller's transaction (after its thread locks):
     * the compiled one in memory is a cache, and another instance may have activated (or rolled back to)
     * another version since. Then that version is compiled here, once, before anything is evaluated, so
     * no thread is ever evaluated under another ruleset than the one recorded as active.
     */
    private CompiledRuleset activeRuleset() {
        int stored = versions.activeVersion();
        CompiledRuleset inMemory = rules.get();
        if (inMemory.version() == stored) {
            return inMemory;
        }
        synchronized (this) {
            CompiledRuleset again = rules.get();
            if (again.version() == stored) {
                return again;
            }
            CompiledRuleset compiled = versions.compileActive();
            rules.set(compiled);
            LOG.infof("Ruleset v%d is the stored active version (this instance had v%d): compiled and in use",
                    compiled.version(), again.version());
            return compiled;
        }
    }

    /** Evaluates these threads as of {@code asOf}, each thread alone and afresh, on every core. */
    private Map<Long, Assessment> evaluate(Collection<Long> threadIds, Instant asOf, CompiledRuleset ruleset) {
        List<FactSet> facts = new ArrayList<>();
        forEachThread(threadIds, asOf, (thread, threadFacts) -> facts.add(threadFacts));
        return rules.evaluateAll(ruleset, facts);
    }

    /** Reads these threads' facts as of {@code asOf} (four queries for the lot) and hands them over thread by thread. */
    private void forEachThread(Collection<Long> threadIds, Instant asOf, BiConsumer<Long, FactSet> consumer) {
        Map<Long, List<Claim>> claimsByThread = threads.claimsAsOf(threadIds, asOf);
        Map<Long, Long> threadOf = new HashMap<>();
        claimsByThread.forEach((thread, claims) -> claims.forEach(claim -> threadOf.put(claim.getId(), thread)));
        Map<Long, List<Verdict>> verdictsByThread = new HashMap<>();
        for (Verdict verdict : verdicts.on(threadOf.keySet(), asOf)) {
            verdictsByThread.computeIfAbsent(threadOf.get(verdict.getClaimId()), t -> new ArrayList<>()).add(verdict);
        }
        Map<Long, List<Review>> reviewsByThread = new HashMap<>();
        for (Review review : reviews.asFacts(threadOf.keySet(), asOf)) {
            reviewsByThread.computeIfAbsent(threadOf.get(review.getClaimId()), t -> new ArrayList<>()).add(review);
        }
        Map<Long, List<Evidence>> evidenceByThread = new HashMap<>();
        for (Evidence source : evidence.asFacts(threadOf.keySet(), asOf)) {
            evidenceByThread.computeIfAbsent(threadOf.get(source.getClaimId()), t -> new ArrayList<>()).add(source);
        }
        claimsByThread.values().forEach(claims -> metrics.threadRead(claims.size()));
        claimsByThread.forEach((thread, claims) -> consumer.accept(thread, new FactSet(claims,
                verdictsByThread.getOrDefault(thread, List.of()), reviewsByThread.getOrDefault(thread, List.of()),
                evidenceByThread.getOrDefault(thread, List.of()), asOf)));
    }

    private static List<List<Long>> batches(List<Long> threadIds) {
        List<List<Long>> batches = new ArrayList<>();
        for (int from = 0; from < threadIds.size(); from += THREADS_PER_TRANSACTION) {
            batches.add(threadIds.subList(from, Math.min(from + THREADS_PER_TRANSACTION, threadIds.size())));
        }
        return batches;
    }
}
