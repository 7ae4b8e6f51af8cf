package io.claimtrack.webhook;

import java.time.Instant;

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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One event for one subscription: written in the transaction of the change it tells of (the outbox), then
 * delivered at least once and kept as the subscription's delivery log.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDeliveryEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subscription_id", nullable = false)
    public Long subscriptionId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public WebhookEvent event;

    /** The claim it is about: deliveries about one claim go out in order. */
    @Column(name = "claim_id")
    public Long claimId;

    @Column(nullable = false, length = 100_000)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When it is next due; while a delivery is under way, the end of the lease of the instance sending it. */
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "gave_up_at")
    public Instant gaveUpAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error", length = 500)
    public String lastError;
}
