package io.claimtrack.claim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.claimtrack.evaluation.ThreadEvaluation;
import io.claimtrack.refusal.Conflict;

/**
 * Moving claims between dispute threads, for corrections of a relation and merges: a claim goes with every
 * claim that answers it, directly or through others, since a thread is a claim and all its answers.
 */
final class ThreadMoves {

    private ThreadMoves() {
    }

    /**
     * Locks the threads of these claims and the extra ones (a thread a claim is about to open), then reads the
     * claims again: another writer may have moved one to another thread before the locks were held, and then
     * the request is refused rather than carried out on a thread this transaction does not hold.
     */
    static void lockThreadsOf(ThreadEvaluation threads, Collection<ClaimEntity> claims, Collection<Long> extra) {
        Set<Long> threadIds = new TreeSet<>(extra);
        claims.stream().filter(Objects::nonNull).forEach(claim -> threadIds.add(claim.threadId));
        threads.lock(threadIds);
        for (ClaimEntity claim : claims) {
            if (claim == null) {
                continue;
            }
            ClaimEntity.getEntityManager().refresh(claim);
            if (!threadIds.contains(claim.threadId)) {
                throw new Conflict("claim", "claim #" + claim.id + " moved to another thread meanwhile: try again");
            }
        }
    }

    /** The claim and every live claim that answers it, directly or through others (its thread locked). */
    static List<ClaimEntity> subtree(ClaimEntity top) {
        Map<Long, List<ClaimEntity>> answers = new HashMap<>();
        for (ClaimEntity claim : ClaimEntity.inThread(top.threadId)) {
            Relation relation = claim.relation();
            if (relation != null) {
                answers.computeIfAbsent(relation.targetId(), t -> new ArrayList<>()).add(claim);
            }
        }
        List<ClaimEntity> subtree = new ArrayList<>();
        Deque<ClaimEntity> toVisit = new ArrayDeque<>(List.of(top));
        while (!toVisit.isEmpty()) {
            ClaimEntity claim = toVisit.removeFirst();
            subtree.add(claim);
            toVisit.addAll(answers.getOrDefault(claim.id, List.of()));
        }
        return subtree;
    }

    /** Puts these claims in another thread (the caller holds both threads and re-evaluates them). */
    static void move(List<ClaimEntity> claims, long threadId) {
        claims.forEach(claim -> claim.threadId = threadId);
    }
}
