package io.claimtrack.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Where to POST which events, signed with which secret. Never deleted: disabled, so its log stays. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscriptionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 2000)
    public String url;

    /** Signs every delivery (HMAC-SHA256); never shown again once given. */
    @Column(nullable = false, length = 200)
    public String secret;

    /** The events, comma-separated. */
    @Column(nullable = false, length = 500)
    public String events;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "disabled_by")
    public String disabledBy;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    Set<WebhookEvent> eventSet() {
        return events.isEmpty() ? EnumSet.noneOf(WebhookEvent.class)
                : Arrays.stream(events.split(",")).map(WebhookEvent::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(WebhookEvent.class)));
    }

    static String join(Set<WebhookEvent> events) {
        return events.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static List<WebhookSubscriptionEntity> active() {
        return list("disabledAt is null order by id");
    }
}
