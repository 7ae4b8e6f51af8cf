package io.claimtrack.claim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.claimtrack.status.ClaimStatusEntity;
import io.claimtrack.status.Standing;

/**
 * Builds claim views in a fixed number of queries, however many claims are shown: now, as of an
 * event-time instant, or as known at a system-time instant.
 */
@ApplicationScoped
public class ClaimViews {

    private final DeskReviews reviews;
    private final ClaimEvidence evidence;

    public ClaimViews(DeskReviews reviews, ClaimEvidence evidence) {
        this.reviews = reviews;
        this.evidence = evidence;
    }

    public ClaimView of(ClaimEntity claim) {
        return current(List.of(claim)).get(0);
    }

    public List<ClaimView> current(List<ClaimEntity> claims) {
        Map<Long, ClaimStatusEntity> statuses = ClaimStatusEntity.forClaims(ids(claims));
        Map<Long, Incoming> incoming = incoming(ids(claims), " and " + ClaimEntity.LIVE, null);
        Desk desk = new Desk(reviews.summaries(ids(claims), null), evidence.of(ids(claims), null));
        return claims.stream().map(claim -> {
            ClaimStatusEntity status = statuses.get(claim.id);
            return view(claim, status == null ? null : Standing.of(status), incoming, desk, null, null);
        }).toList();
    }

    /**
     * Claims as they stood at {@code asOf}: only claims asserted by then point at them; the desk's reviews
     * as they stood at that instant, as the verdicts weighed are those in force then.
     */
    public List<ClaimView> asOf(List<ClaimEntity> claims, Map<Long, Standing> standings, Instant asOf) {
        Map<Long, Incoming> incoming = incoming(ids(claims), " and c.assertedAt <= :at and " + ClaimEntity.LIVE, asOf);
        Desk desk = new Desk(reviews.summaries(ids(claims), asOf), evidence.of(ids(claims), asOf));
        return claims.stream().map(claim -> view(claim, standings.get(claim.id), incoming, desk, asOf, null)).toList();
    }

    /** A claim as claimtrack showed it at {@code knownAt}: only claims recorded by then point at it. */
    public ClaimView knownAt(ClaimEntity claim, Standing standing, Instant knownAt) {
        Map<Long, Incoming> incoming = incoming(List.of(claim.id), " and c.recordedAt <= :at", knownAt);
        Desk desk = new Desk(reviews.summaries(List.of(claim.id), knownAt), evidence.of(List.of(claim.id), knownAt));
        ClaimView now = view(claim, standing, incoming, desk, null, knownAt);
        ClaimVersionEntity then = ClaimVersionEntity.knownAt(claim.id, knownAt);
        // What was said, by whom, when, under which topic and answering what, as known then: a later correction
        // is not shown.
        ClaimView shown = then == null ? now : new ClaimView(now.id(), then.text, ActorView.of(then.claimant), then.topic,
                then.assertedAt, now.recordedAt(), now.recordedBy(), now.source(), now.quote(), then.disputesId,
                then.supportsId, then.retractsId, now.thread(), now.status(), now.flags(), now.reason(), now.flagReasons(),
                now.standing(), now.suggestedRating(), now.review(), now.evidence(), now.disputedBy(), now.supportedBy(),
                now.retractedBy(), now.asOf(), now.knownAt(), null);
        // And the claimant as known then: a later correction of the actor is not shown either.
        ActorVersionEntity actorThen = ActorVersionEntity.knownAt(shown.claimant().id(), knownAt);
        return actorThen == null ? shown : shown.withClaimant(actorThen.view());
    }

    private static ClaimView view(ClaimEntity claim, Standing standing, Map<Long, Incoming> incomingById,
                                  Desk desk, Instant asOf, Instant knownAt) {
        Incoming incoming = incomingById.getOrDefault(claim.id, new Incoming());
        return new ClaimView(claim.id, claim.text, ActorView.of(claim.claimant), claim.topic, claim.assertedAt,
                claim.recordedAt, claim.recordedBy, ClaimView.SourceView.of(claim.source), claim.quote,
                claim.disputesId, claim.supportsId, claim.retractsId, claim.threadId,
                standing == null ? null : standing.status(),
                standing == null ? List.of() : standing.flags(),
                standing == null ? null : standing.reason(),
                standing == null ? List.of() : standing.flagReasons(),
                standing == null ? null : label(standing),
                standing == null ? null : standing.suggestion(),
                desk.reviews.getOrDefault(claim.id, ReviewSummary.NONE),
                desk.evidence.getOrDefault(claim.id, List.of()),
                incoming.disputedBy, incoming.supportedBy, incoming.retractedBy, asOf, knownAt, null);
    }

    /** The standing said for what it is: derived by a rule, not the desk's rating. */
    private static String label(Standing standing) {
        return "dispute standing " + standing.status() + ", derived by rule \"" + standing.reason().rule()
                + "\" (ruleset v" + standing.reason().rulesetVersion() + ")";
    }

    private static List<Long> ids(List<ClaimEntity> claims) {
        return claims.stream().map(c -> c.id).toList();
    }

    /** Which claims point at each of {@code ids}, by relation; {@code when} narrows them in time. */
    private static Map<Long, Incoming> incoming(List<Long> ids, String when, Instant at) {
        Map<Long, Incoming> byTarget = new HashMap<>();
        if (ids.isEmpty()) {
            return byTarget;
        }
        // One query per relation, each on its own index: an OR across the three columns would scan the table.
        for (Relation.Kind relation : Relation.Kind.values()) {
            var query = ClaimEntity.getEntityManager().createQuery("select c.id, c." + relation.property()
                    + " from ClaimEntity c where c." + relation.property() + " in :ids" + when + " order by c.id",
                    Object[].class).setParameter("ids", ids);
            if (at != null) {
                query.setParameter("at", at);
            }
            for (Object[] row : query.getResultList()) {
                byTarget.computeIfAbsent((Long) row[1], t -> new Incoming()).of(relation).add((Long) row[0]);
            }
        }
        return byTarget;
    }

    /** What the desk holds on the claims shown: their reviews and their evidence. */
    private record Desk(Map<Long, ReviewSummary> reviews, Map<Long, List<EvidenceItem>> evidence) {
    }

    private static final class Incoming {
        final List<Long> disputedBy = new ArrayList<>();
        final List<Long> supportedBy = new ArrayList<>();
        final List<Long> retractedBy = new ArrayList<>();

        List<Long> of(Relation.Kind relation) {
            return switch (relation) {
                case DISPUTES -> disputedBy;
                case SUPPORTS -> supportedBy;
                case RETRACTS -> retractedBy;
            };
        }
    }
}
