package io.claimtrack.claim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.claimtrack.evaluation.ThreadStore;
import io.claimtrack.facts.Claim;

/** The stored dispute threads, handed to evaluation as facts. */
@ApplicationScoped
public class ClaimThreads implements ThreadStore {

    @Override
    public List<Long> allThreadIds() {
        return ClaimEntity.threadIds();
    }

    @Override
    public List<Long> threadsNotEvaluatedUnder(int rulesetVersion) {
        return ClaimEntity.threadsNotEvaluatedUnder(rulesetVersion);
    }

    @Override
    public Map<Long, Long> lock(List<Long> threadIds) {
        return ClaimEntity.lockThreads(threadIds);
    }

    @Override
    public void changed(Collection<Long> threadIds) {
        ClaimEntity.moveThreadVersions(threadIds);
    }

    @Override
    public Map<Long, List<Claim>> claimsAsOf(Collection<Long> threadIds, Instant asOf) {
        Map<Long, List<Claim>> claims = new LinkedHashMap<>();
        for (ClaimEntity claim : ClaimEntity.inThreads(threadIds, asOf)) {
            claims.computeIfAbsent(claim.threadId, t -> new ArrayList<>()).add(claim.toFact());
        }
        return claims;
    }
}
