package io.claimtrack.verdict;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.claimtrack.claim.ClaimEntity;
import io.claimtrack.evaluation.ThreadEvaluation;
import io.claimtrack.refusal.NotFound;
import io.claimtrack.refusal.Conflict;

/**
 * Analysts' verdicts are facts: giving or withdrawing one re-evaluates the claim's thread, and the
 * policy decides what the verdict weighs. A withdrawal is recorded; nothing is erased.
 */
@ApplicationScoped
public class VerdictService {

    private final ThreadEvaluation threads;
    private final Clock clock;

    public VerdictService(ThreadEvaluation threads, Clock clock) {
        this.threads = threads;
        this.clock = clock;
    }

    /** Every verdict on the claim, withdrawn ones included, oldest first. */
    @Transactional
    public List<VerdictView> onClaim(long claimId) {
        return VerdictEntity.forClaim(ClaimEntity.existing(claimId).id).stream().map(VerdictView::of).toList();
    }

    @Transactional
    public VerdictView give(long claimId, NewVerdict request, String analyst) {
        ClaimEntity claim = ClaimEntity.existing(claimId);
        threads.lock(List.of(claim.threadId));
        VerdictEntity verdict = new VerdictEntity();
        verdict.claimId = claimId;
        verdict.status = request.status();
        verdict.reason = request.reason().strip();
        verdict.analyst = analyst;
        verdict.createdAt = clock.instant();
        verdict.persist();
        threads.changedOtherwise(claim.threadId);
        threads.reevaluateLocked(List.of(claim.threadId), "verdict #" + verdict.id + " by " + verdict.analyst + ": "
                + verdict.status + " (" + verdict.reason + ")");
        return VerdictView.of(verdict);
    }

    @Transactional
    public VerdictView withdraw(long claimId, long verdictId, String analyst) {
        ClaimEntity claim = ClaimEntity.existing(claimId);
        threads.lock(List.of(claim.threadId));
        VerdictEntity verdict = VerdictEntity.findById(verdictId);
        if (verdict == null || !verdict.claimId.equals(claimId)) {
            throw NotFound.of("verdict on claim #" + claimId, verdictId);
        }
        if (verdict.isWithdrawn()) {
            throw new Conflict("verdictId", "verdict #" + verdictId + " was already withdrawn by "
                    + verdict.withdrawnBy + " at " + verdict.withdrawnAt);
        }
        verdict.withdrawnAt = clock.instant();
        verdict.withdrawnBy = analyst;
        threads.changedOtherwise(claim.threadId);
        threads.reevaluateLocked(List.of(claim.threadId), "verdict #" + verdict.id + " withdrawn by " + verdict.withdrawnBy);
        return VerdictView.of(verdict);
    }
}
