package io.claimtrack.verdict;

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
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Verdict;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An analyst's verdict on a claim, in system time: when it was given and, if so, when withdrawn. */
@Entity
@Table(name = "verdict")
public class VerdictEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "claim_id", nullable = false)
    public Long claimId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public ClaimStatus status;

    @Column(nullable = false, length = 2000)
    public String reason;

    @Column(nullable = false)
    public String analyst;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    /** The verdicts on {@code claimIds} given at or before {@code at} and not withdrawn by then. */
    public static List<VerdictEntity> inForce(Collection<Long> claimIds, Instant at) {
        if (claimIds.isEmpty()) {
            return List.of();
        }
        return list("claimId in ?1 and createdAt <= ?2 and (withdrawnAt is null or withdrawnAt > ?2) order by claimId, id",
                claimIds, at);
    }

    public static List<VerdictEntity> forClaim(long claimId) {
        return list("claimId = ?1 order by id", claimId);
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    public Verdict toFact() {
        return new Verdict(id, claimId, status, analyst, reason, createdAt);
    }
}
