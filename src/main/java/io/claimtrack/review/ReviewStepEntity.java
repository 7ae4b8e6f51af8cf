package io.claimtrack.review;

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

import io.claimtrack.facts.ReviewState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One step of a review's workflow, in system time: who took it, when, from which state, and the review
 * as it stood after it (so what was known at any instant is the latest step by then). Written once.
 */
@Entity
@Table(name = "review_step")
public class ReviewStepEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "claim_id", nullable = false)
    public Long claimId;

    @Column(name = "taken_at", nullable = false)
    public Instant at;

    @Column(name = "taken_by", nullable = false)
    public String by;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "step_action", nullable = false)
    public ReviewAction action;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "from_state", nullable = false)
    public ReviewState from;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public ReviewState state;

    public String assignee;

    public String rating;

    @Column(length = 5000)
    public String summary;

    @Column(length = 2000)
    public String url;

    @Column(name = "rated_by")
    public String ratedBy;

    /** Why, for corrections and unpublishing; null otherwise. */
    @Column(length = 2000)
    public String reason;

    static ReviewStepEntity after(ReviewEntity review, ReviewAction action, ReviewState from, String by, String reason) {
        ReviewStepEntity step = new ReviewStepEntity();
        step.claimId = review.claimId;
        step.at = review.updatedAt;
        step.by = by;
        step.action = action;
        step.from = from;
        step.state = review.state;
        step.assignee = review.assignee;
        step.rating = review.rating;
        step.summary = review.summary;
        step.url = review.url;
        step.ratedBy = review.ratedBy;
        step.reason = reason;
        return step;
    }

    public static List<ReviewStepEntity> forClaim(long claimId) {
        return list("claimId = ?1 order by id", claimId);
    }

    /** Every step of these claims' reviews taken by {@code at}, oldest first. */
    static List<ReviewStepEntity> takenBy(Collection<Long> claimIds, Instant at) {
        return claimIds.isEmpty() ? List.of() : list("claimId in ?1 and at <= ?2 order by id", claimIds, at);
    }
}
