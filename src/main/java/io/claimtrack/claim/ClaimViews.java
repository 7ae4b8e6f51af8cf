package io.claimtrack.claim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.claimtrack.status.ClaimStatusEntity;
import io.claimtrack.status.FlagView;
import io.claimtrack.status.Reason;

/** Builds claim views in a fixed number of queries, however many claims are shown. */
@ApplicationScoped
public class ClaimViews {

    public ClaimView of(ClaimEntity claim) {
        return of(List.of(claim)).get(0);
    }

    public List<ClaimView> of(List<ClaimEntity> claims) {
        List<Long> ids = claims.stream().map(c -> c.id).toList();
        Map<Long, ClaimStatusEntity> statuses = ClaimStatusEntity.forClaims(ids);
        Map<Long, Incoming> incoming = incoming(ids);
        return claims.stream().map(claim -> view(claim, statuses.get(claim.id),
                incoming.getOrDefault(claim.id, new Incoming()))).toList();
    }

    private static ClaimView view(ClaimEntity claim, ClaimStatusEntity status, Incoming incoming) {
        return new ClaimView(claim.id, claim.text, ActorView.of(claim.claimant), claim.topic, claim.assertedAt,
                claim.recordedAt, ClaimView.SourceView.of(claim.source), claim.quote,
                claim.disputesId, claim.supportsId, claim.retractsId, claim.threadId,
                status == null ? null : status.status,
                status == null ? List.of() : List.copyOf(status.flagSet()),
                status == null ? null : Reason.of(status),
                status == null ? List.of() : status.flags.stream().map(FlagView::of)
                        .sorted((a, b) -> a.flag().compareTo(b.flag())).toList(),
                incoming.disputedBy, incoming.supportedBy, incoming.retractedBy);
    }

    /** Which claims point at each of {@code ids}, by relation. */
    private static Map<Long, Incoming> incoming(List<Long> ids) {
        Map<Long, Incoming> byTarget = new HashMap<>();
        if (ids.isEmpty()) {
            return byTarget;
        }
        List<Object[]> rows = ClaimEntity.getEntityManager().createQuery(
                "select c.id, c.disputesId, c.supportsId, c.retractsId from ClaimEntity c"
                        + " where c.disputesId in :ids or c.supportsId in :ids or c.retractsId in :ids order by c.id",
                Object[].class).setParameter("ids", ids).getResultList();
        for (Object[] row : rows) {
            Long id = (Long) row[0];
            if (row[1] != null) {
                byTarget.computeIfAbsent((Long) row[1], t -> new Incoming()).disputedBy.add(id);
            } else if (row[2] != null) {
                byTarget.computeIfAbsent((Long) row[2], t -> new Incoming()).supportedBy.add(id);
            } else {
                byTarget.computeIfAbsent((Long) row[3], t -> new Incoming()).retractedBy.add(id);
            }
        }
        return byTarget;
    }

    private static final class Incoming {
        final List<Long> disputedBy = new ArrayList<>();
        final List<Long> supportedBy = new ArrayList<>();
        final List<Long> retractedBy = new ArrayList<>();
    }
}
