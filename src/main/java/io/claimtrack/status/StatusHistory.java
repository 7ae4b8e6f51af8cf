package io.claimtrack.status;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads the recorded history of claims' statuses (system time). */
@ApplicationScoped
public class StatusHistory {

    /** Every recorded change of the claim's status or flags, oldest first. */
    @Transactional
    public List<HistoryEntry> of(long claimId) {
        return StatusChangeEntity.forClaim(claimId).stream().map(HistoryEntry::of).toList();
    }

    /**
     * What claimtrack showed at {@code knownAt}: the latest change by then, and since when that status had
     * held; null when nothing was recorded yet. Flag reasons are not kept in the history, so only flag
     * names are given.
     */
    @Transactional
    public Standing knownAt(long claimId, Instant knownAt) {
        List<StatusChangeEntity> changes = StatusChangeEntity.list("claimId = ?1 and at <= ?2 order by id", claimId, knownAt);
        if (changes.isEmpty()) {
            return null;
        }
        StatusChangeEntity latest = changes.get(changes.size() - 1);
        Instant since = latest.at;
        for (int i = changes.size() - 1; i >= 0 && changes.get(i).status == latest.status; i--) {
            since = changes.get(i).at;
        }
        return new Standing(latest.status, latest.flagList(),
                new Reason(latest.rule, latest.explanation, since, latest.rulesetVersion), List.of(), null);
    }
}
