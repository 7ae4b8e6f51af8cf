package io.claimtrack.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import io.claimtrack.refusal.Conflict;
import io.claimtrack.refusal.FieldErrors;
import io.claimtrack.refusal.NotFound;

/** Webhook subscriptions, registered and disabled by admins, and their delivery logs. */
@ApplicationScoped
public class Webhooks {

    private final WebhookTargets targets;
    private final Validator validator;
    private final Clock clock;

    public Webhooks(WebhookTargets targets, Validator validator, Clock clock) {
        this.targets = targets;
        this.validator = validator;
        this.clock = clock;
    }

    /** A subscription as shown: its secret never. */
    public record Subscription(long id, String url, List<WebhookEvent> events, String createdBy, Instant createdAt,
                               String disabledBy, Instant disabledAt) {

        static Subscription of(WebhookSubscriptionEntity entity) {
            return new Subscription(entity.id, entity.url, List.copyOf(entity.eventSet()), entity.createdBy,
                    entity.createdAt, entity.disabledBy, entity.disabledAt);
        }
    }

    /** One delivery as the log shows it. */
    public record Delivery(long id, WebhookEvent event, Long claimId, Instant createdAt, int attempts,
                           Integer lastStatus, String lastError, Instant nextAttemptAt, Instant deliveredAt,
                           Instant gaveUpAt) {

        static Delivery of(WebhookDeliveryEntity entity) {
            boolean pending = entity.deliveredAt == null && entity.gaveUpAt == null;
            return new Delivery(entity.id, entity.event, entity.claimId, entity.createdAt, entity.attempts,
                    entity.lastStatus, entity.lastError, pending ? entity.nextAttemptAt : null, entity.deliveredAt,
                    entity.gaveUpAt);
        }
    }

    @Transactional
    public Subscription register(NewWebhook request, String by) {
        FieldErrors.requireValid(validator, request, "{url, secret, events}");
        String url = targets.checked(request.url()).toString();
        WebhookSubscriptionEntity subscription = new WebhookSubscriptionEntity();
        subscription.url = url;
        subscription.secret = request.secret();
        subscription.events = WebhookSubscriptionEntity.join(EnumSet.copyOf(request.events()));
        subscription.createdBy = by;
        subscription.createdAt = clock.instant();
        subscription.persist();
        return Subscription.of(subscription);
    }

    @Transactional
    public List<Subscription> all() {
        return WebhookSubscriptionEntity.<WebhookSubscriptionEntity>listAll(io.quarkus.panache.common.Sort.by("id"))
                .stream().map(Subscription::of).toList();
    }

    /** Stops a subscription: nothing more is written for it, and what is pending is not sent. Its log stays. */
    @Transactional
    public Subscription disable(long id, String by) {
        WebhookSubscriptionEntity subscription = existing(id);
        if (subscription.disabledAt != null) {
            throw new Conflict("webhook", "webhook #" + id + " was disabled already, by " + subscription.disabledBy);
        }
        subscription.disabledAt = clock.instant();
        subscription.disabledBy = by;
        WebhookDeliveryEntity.update("gaveUpAt = ?1, lastError = ?2 where subscriptionId = ?3 and deliveredAt is null"
                + " and gaveUpAt is null", subscription.disabledAt, "the subscription was disabled", id);
        return Subscription.of(subscription);
    }

    /** The subscription's latest deliveries, newest first. */
    @Transactional
    public List<Delivery> deliveries(long id, int limit) {
        existing(id);
        return WebhookDeliveryEntity.<WebhookDeliveryEntity>find("subscriptionId = ?1 order by id desc", id)
                .page(0, limit).list().stream().map(Delivery::of).toList();
    }

    private static WebhookSubscriptionEntity existing(long id) {
        WebhookSubscriptionEntity subscription = WebhookSubscriptionEntity.findById(id);
        if (subscription == null) {
            throw NotFound.of("webhook", id);
        }
        return subscription;
    }
}
