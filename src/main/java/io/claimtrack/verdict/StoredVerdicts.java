package io.claimtrack.verdict;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.claimtrack.evaluation.VerdictsInForce;
import io.claimtrack.facts.Verdict;

/** The stored verdicts, handed to evaluation as facts. */
@ApplicationScoped
public class StoredVerdicts implements VerdictsInForce {

    @Override
    public List<Verdict> on(Collection<Long> claimIds, Instant at) {
        return VerdictEntity.inForce(claimIds, at).stream().map(VerdictEntity::toFact).toList();
    }
}
