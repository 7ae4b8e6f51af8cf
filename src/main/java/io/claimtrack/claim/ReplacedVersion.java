package io.claimtrack.claim;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What every version a correction replaced records beside its own fields (of a claim, of an actor): known
 * from {@code knownFrom} until {@code correctedAt}, who corrected which fields and why. Written once.
 */
@MappedSuperclass
public abstract class ReplacedVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "known_from", nullable = false)
    public Instant knownFrom;

    @Column(name = "corrected_at", nullable = false)
    public Instant correctedAt;

    @Column(name = "corrected_by", nullable = false)
    public String correctedBy;

    @Column(nullable = false, length = 2000)
    public String reason;

    /** The corrected fields, comma-separated, for the history. */
    @Column(nullable = false)
    public String fields;

    /**
     * Records this version as replaced at {@code now} by {@code by}, known since the version before it was
     * replaced ({@code previous}, null for the first) or since {@code created}, and persists it.
     */
    void replaced(ReplacedVersion previous, Instant created, List<String> changed, String by, String why, Instant now) {
        knownFrom = previous == null ? created : previous.correctedAt;
        correctedAt = now;
        correctedBy = by;
        reason = why;
        fields = String.join(",", changed);
        persist();
    }
}
