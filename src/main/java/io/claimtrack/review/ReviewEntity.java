package io.claimtrack.review;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.claimtrack.facts.ReviewState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The desk's review of one claim as it stands now; how it got there is in {@link ReviewStepEntity}. */
@Entity
@Table(name = "review")
public class ReviewEntity extends PanacheEntityBase {

    @Id
    @Column(name = "claim_id")
    public Long claimId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public ReviewState state;

    public String assignee;

    /** A name on the desk's scale ({@link RatingScale}), null until the review is rated. */
    public String rating;

    @Column(length = 5000)
    public String summary;

    @Column(length = 2000)
    public String url;

    @Column(name = "rated_by")
    public String ratedBy;

    @Column(name = "rated_at")
    public Instant ratedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static List<ReviewEntity> forClaims(Collection<Long> claimIds) {
        return claimIds.isEmpty() ? List.of() : list("claimId in ?1", claimIds);
    }
}
