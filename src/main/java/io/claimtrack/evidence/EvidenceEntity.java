package io.claimtrack.evidence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.claimtrack.claim.EvidenceItem;
import io.claimtrack.facts.Evidence;
import io.claimtrack.facts.EvidenceKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One source behind a claim or its review, in system time: when added and, if so, when removed. Never deleted. */
@Entity
@Table(name = "evidence")
public class EvidenceEntity extends PanacheEntityBase {

    /** From a sequence handing out 50 ids at a time, so that an import's rows are inserted in batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_seq")
    @SequenceGenerator(name = "evidence_seq", sequenceName = "evidence_seq", allocationSize = 50)
    public Long id;

    @Column(name = "claim_id", nullable = false)
    public Long claimId;

    @Column(name = "for_review", nullable = false)
    public boolean forReview;

    /** The claim's own source as submitted (the claim's line in an export carries it); false for evidence added later. */
    @Column(name = "from_submission", nullable = false)
    public boolean fromSubmission;

    @Column(length = 2000)
    public String url;

    @Column(name = "archived_url", length = 2000)
    public String archivedUrl;

    @Column(length = 500)
    public String title;

    public String publisher;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public EvidenceKind kind;

    @Column(name = "accessed_at")
    public Instant accessedAt;

    @Column(length = 2000)
    public String note;

    @Column(name = "added_by", nullable = false)
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    @Column(name = "removed_by")
    public String removedBy;

    @Column(name = "removed_at")
    public Instant removedAt;

    @Column(name = "removal_reason", length = 2000)
    public String removalReason;

    /** The evidence on these claims added by {@code at} and not removed by then, by claim and id. */
    static List<EvidenceEntity> inForce(Collection<Long> claimIds, Instant at) {
        if (claimIds.isEmpty()) {
            return List.of();
        }
        return at == null ? list("claimId in ?1 and removedAt is null order by claimId, id", claimIds)
                : list("claimId in ?1 and addedAt <= ?2 and (removedAt is null or removedAt > ?2) order by claimId, id",
                claimIds, at);
    }

    /** Evidence in force on these claims added after they were submitted: what an export writes as lines of its own. */
    public static List<EvidenceEntity> addedLater(Collection<Long> claimIds) {
        return claimIds.isEmpty() ? List.of()
                : list("claimId in ?1 and removedAt is null and fromSubmission = false order by claimId, id", claimIds);
    }

    static List<EvidenceEntity> everOn(long claimId) {
        return list("claimId = ?1 order by id", claimId);
    }

    /** As a fact on its own: its own report (the claim's other evidence decides otherwise, see {@link Evidence#withReports}). */
    Evidence toFact() {
        return new Evidence(id, claimId, url, archivedUrl, publisher, kind, forReview, id);
    }

    EvidenceItem toItem(boolean withRemoval) {
        return new EvidenceItem(id, forReview, url, archivedUrl, title, publisher, kind, accessedAt, note, addedBy, addedAt,
                withRemoval ? removedBy : null, withRemoval ? removedAt : null, withRemoval ? removalReason : null);
    }
}
