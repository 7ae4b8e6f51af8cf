package io.claimtrack.claim;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;


/**
 * A version of a claim that a correction replaced: what was said, by whom, under which topic and when, what it
 * answered, known from {@code knownFrom} until {@code correctedAt}, and who corrected which fields and why.
 * Written once.
 */
@Entity
@Table(name = "claim_version")
public class ClaimVersionEntity extends ReplacedVersion {

    @Column(name = "claim_id", nullable = false)
    public Long claimId;

    @Column(nullable = false, length = 10_000)
    public String text;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "claimant_id")
    public ActorEntity claimant;

    public String topic;

    @Column(name = "asserted_at", nullable = false)
    public Instant assertedAt;

    @Column(name = "disputes_id")
    public Long disputesId;

    @Column(name = "supports_id")
    public Long supportsId;

    @Column(name = "retracts_id")
    public Long retractsId;

    /**
     * Keeps the claim as it stands, before the caller changes {@code fields} of it: known from its recording
     * (or its last correction) until {@code now}.
     */
    static ClaimVersionEntity keep(ClaimEntity claim, List<String> fields, String by, String reason, Instant now) {
        ClaimVersionEntity kept = new ClaimVersionEntity();
        kept.claimId = claim.id;
        kept.text = claim.text;
        kept.claimant = claim.claimant;
        kept.topic = claim.topic;
        kept.assertedAt = claim.assertedAt;
        kept.disputesId = claim.disputesId;
        kept.supportsId = claim.supportsId;
        kept.retractsId = claim.retractsId;
        ClaimVersionEntity last = find("claimId = ?1 order by id desc", claim.id).firstResult();
        kept.replaced(last, claim.recordedAt, fields, by, reason, now);
        return kept;
    }

    static List<ClaimVersionEntity> of(long claimId) {
        return list("claimId = ?1 order by id", claimId);
    }

    /** The version known at {@code at}: the first one corrected after it, or none when the claim's row is. */
    static ClaimVersionEntity knownAt(long claimId, Instant at) {
        return ClaimVersionEntity.<ClaimVersionEntity>find("claimId = ?1 and correctedAt > ?2 order by id", claimId, at)
                .firstResult();
    }
}
