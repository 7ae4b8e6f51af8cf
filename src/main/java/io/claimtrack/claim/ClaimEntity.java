package io.claimtrack.claim;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import io.claimtrack.facts.Claim;
import io.claimtrack.refusal.NotFound;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@DynamicUpdate // a thread's version is moved by an update of its own: an update of a claim writes only what changed
@Table(name = "claim")
public class ClaimEntity extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "claim_seq", sequenceName = "claim_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "claim_seq")
    public Long id;

    @Column(nullable = false, length = 10_000)
    public String text;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "claimant_id")
    public ActorEntity claimant;

    public String topic;

    @Column(name = "asserted_at", nullable = false)
    public Instant assertedAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** The user who submitted it. */
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Embedded
    public Source source;

    @Column(length = 10_000)
    public String quote;

    @Column(name = "disputes_id")
    public Long disputesId;

    @Column(name = "supports_id")
    public Long supportsId;

    @Column(name = "retracts_id")
    public Long retractsId;

    /** The root claim of this claim's dispute thread (its own id for a root). */
    @Column(name = "thread_id")
    public Long threadId;

    /** On a root claim: how many committed changes its thread's facts have had (see ThreadEvaluation). */
    @Column(name = "thread_version", nullable = false)
    public long threadVersion;

    /**
     * The claim this one was merged into as its duplicate: then it is no fact of any thread, and is not listed,
     * counted or reviewed; it is read as a redirect to that claim, and as it was known before the merge.
     */
    @Column(name = "merged_into")
    public Long mergedInto;

    @Column(name = "merged_at")
    public Instant mergedAt;

    @Column(name = "merged_by")
    public String mergedBy;

    @Column(name = "merge_reason", length = 2000)
    public String mergeReason;

    /** What the stored claims of every query below have in common: none is a merged duplicate. */
    static final String LIVE = "c.mergedInto is null";

    /** The claim, or 404 for the client. */
    public static ClaimEntity existing(long id) {
        ClaimEntity claim = findById(id);
        if (claim == null) {
            throw NotFound.of("claim", id);
        }
        return claim;
    }

    /** A live claim reported at {@code sourceUrl} that disputes or supports claim {@code targetId}: an answer already stored. */
    public static java.util.Optional<ClaimEntity> answerFromSource(String sourceUrl, long targetId) {
        return ClaimEntity.<ClaimEntity>find("from ClaimEntity c where c.source.url = ?1 and (c.disputesId = ?2"
                + " or c.supportsId = ?2) and " + LIVE, sourceUrl, targetId).firstResultOptional();
    }

    /** Every claim of one dispute thread, claimants fetched with them. */
    public static List<ClaimEntity> inThread(long threadId) {
        return list("from ClaimEntity c join fetch c.claimant a left join fetch a.blocs where c.threadId = ?1 and " + LIVE
                + " order by c.id",
                threadId);
    }

    /** The claims asserted by {@code asOf} in the given threads, claimants fetched with them. */
    public static List<ClaimEntity> inThreads(Collection<Long> threadIds, Instant asOf) {
        if (threadIds.isEmpty()) {
            return List.of();
        }
        return list("from ClaimEntity c join fetch c.claimant a left join fetch a.blocs"
                + " where c.threadId in ?1 and c.assertedAt <= ?2 and " + LIVE + " order by c.id", threadIds, asOf);
    }

    /** The threads the given claims belong to. */
    public static List<Long> threadsOf(Collection<Long> claimIds) {
        if (claimIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select distinct c.threadId from ClaimEntity c where c.id in ?1", Long.class)
                .setParameter(1, claimIds).getResultList();
    }

    /** The id of every dispute thread, ascending. */
    public static List<Long> threadIds() {
        return getEntityManager().createQuery("select distinct c.threadId from ClaimEntity c where " + LIVE
                        + " order by c.threadId", Long.class)
                .getResultList();
    }

    /** The threads with a live claim by this actor, ascending. */
    static List<Long> threadsOfClaimant(long actorId) {
        return getEntityManager().createQuery("select distinct c.threadId from ClaimEntity c where c.claimant.id = ?1"
                + " and " + LIVE + " order by c.threadId", Long.class).setParameter(1, actorId).getResultList();
    }

    /** The threads with a claim asserted at or before {@code asOf}. */
    public static List<Long> threadsAssertedBy(Instant asOf) {
        return getEntityManager().createQuery("select distinct c.threadId from ClaimEntity c where c.assertedAt <= ?1 and "
                        + LIVE, Long.class)
                .setParameter(1, asOf).getResultList();
    }

    /** The claims that dispute, support or retract this one: one query per relation, each on its own index. */
    static List<ClaimEntity> repliesTo(long claimId) {
        List<ClaimEntity> replies = new java.util.ArrayList<>();
        for (Relation.Kind relation : Relation.Kind.values()) {
            replies.addAll(list("from ClaimEntity c where c." + relation.property() + " = ?1 and " + LIVE
                    + " order by c.id", claimId));
        }
        return replies;
    }

    /** The duplicates merged into this claim, oldest merge first. */
    static List<ClaimEntity> mergedInto(long claimId) {
        return list("mergedInto = ?1 order by mergedAt, id", claimId);
    }

    /** These claims, claimants fetched with them. */
    public static List<ClaimEntity> byIds(Collection<Long> ids) {
        return list("from ClaimEntity c join fetch c.claimant a left join fetch a.blocs where c.id in ?1", ids);
    }

    /** The threads with a claim that has no status under this ruleset version. */
    public static List<Long> threadsNotEvaluatedUnder(int rulesetVersion) {
        return getEntityManager().createQuery("select distinct c.threadId from ClaimEntity c where " + LIVE + " and not exists"
                        + " (select 1 from ClaimStatusEntity s where s.claimId = c.id and s.rulesetVersion = :version)"
                        + " order by c.threadId", Long.class)
                .setParameter("version", rulesetVersion).getResultList();
    }

    /**
     * Row-locks the threads' root claims until the transaction ends, in the order given. @return each
     * thread's version as stored, read once the lock is held: a root this transaction loaded before waiting
     * for the lock holds the version it had then, and another writer may have moved it since.
     */
    public static Map<Long, Long> lockThreads(List<Long> threadIds) {
        find("id in ?1 order by id", threadIds).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        Map<Long, Long> versions = new HashMap<>();
        for (Object[] row : getEntityManager().createQuery("select c.id, c.threadVersion from ClaimEntity c"
                + " where c.id in ?1", Object[].class).setParameter(1, threadIds).getResultList()) {
            versions.put((Long) row[0], (Long) row[1]);
        }
        return versions;
    }

    /** Moves these threads' versions by one, from the stored value (the caller holds their locks). */
    public static void moveThreadVersions(Collection<Long> threadIds) {
        update("threadVersion = threadVersion + 1 where id in ?1", threadIds);
    }

    /** What this claim points at and how; null when it opens its thread. */
    Relation relation() {
        return Relation.of(disputesId, supportsId, retractsId);
    }

    /** Points this claim at another (or at nothing): the caller moves it to the target's thread. */
    void pointAt(Relation relation) {
        disputesId = relation != null && relation.kind() == Relation.Kind.DISPUTES ? relation.targetId() : null;
        supportsId = relation != null && relation.kind() == Relation.Kind.SUPPORTS ? relation.targetId() : null;
        retractsId = relation != null && relation.kind() == Relation.Kind.RETRACTS ? relation.targetId() : null;
    }

    public Claim toFact() {
        return new Claim(id, claimant.toFact(), topic, assertedAt, disputesId, supportsId, retractsId);
    }
}
