package io.claimtrack.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.claimtrack.claim.ClaimRecorded;
import io.claimtrack.facts.Flag;
import io.claimtrack.review.ReviewStepTaken;
import io.claimtrack.status.StatusChanged;

/**
 * Writes the outbox: for each change a subscription asked to hear of, a delivery row in the very transaction
 * that makes the change, so that what commits is delivered and what rolls back never is. The subscriptions
 * are read once per transaction that has something to tell.
 */
@ApplicationScoped
public class WebhookOutbox {

    private final SubscriptionsInTransaction subscriptions;
    private final ObjectMapper json;
    private final Clock clock;

    public WebhookOutbox(SubscriptionsInTransaction subscriptions, ObjectMapper json, Clock clock) {
        this.subscriptions = subscriptions;
        this.json = json;
        this.clock = clock;
    }

    void onClaim(@Observes(during = TransactionPhase.IN_PROGRESS) ClaimRecorded claim) {
        write(WebhookEvent.CLAIM_SUBMITTED, claim.claimId(), claim);
    }

    void onStanding(@Observes(during = TransactionPhase.IN_PROGRESS) StatusChanged change) {
        if (change.previousStatus() != null && change.previousStatus() != change.status()) {
            write(WebhookEvent.STANDING_CHANGED, change.claimId(), change);
        }
        List<Flag> before = change.previousFlags() == null ? List.of() : change.previousFlags();
        for (Flag flag : change.flags()) {
            if (!before.contains(flag)) {
                write(WebhookEvent.FLAG_RAISED, change.claimId(), flagged(change, flag));
            }
        }
        for (Flag flag : before) {
            if (!change.flags().contains(flag)) {
                write(WebhookEvent.FLAG_CLEARED, change.claimId(), flagged(change, flag));
            }
        }
    }

    void onReview(@Observes(during = TransactionPhase.IN_PROGRESS) ReviewStepTaken step) {
        if (step.action().equals("publish")) {
            write(WebhookEvent.REVIEW_PUBLISHED, step.claimId(), step);
        } else if (step.action().equals("correct")) {
            write(WebhookEvent.REVIEW_CORRECTED, step.claimId(), step);
        }
    }

    private static Map<String, Object> flagged(StatusChanged change, Flag flag) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("claimId", change.claimId());
        data.put("flag", flag.name());
        data.put("status", change.status());
        data.put("flags", change.flags());
        data.put("rule", change.rule());
        data.put("explanation", change.explanation());
        data.put("cause", change.cause());
        return data;
    }

    private void write(WebhookEvent event, long claimId, Object data) {
        List<WebhookSubscriptionEntity> listening = new ArrayList<>();
        for (WebhookSubscriptionEntity subscription : subscriptions.active()) {
            if (subscription.eventSet().contains(event)) {
                listening.add(subscription);
            }
        }
        if (listening.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event.name());
        body.put("at", now.toString());
        body.put("claimId", claimId);
        body.put("data", data);
        String payload;
        try {
            payload = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook payload could not be written", e);
        }
        for (WebhookSubscriptionEntity subscription : listening) {
            WebhookDeliveryEntity delivery = new WebhookDeliveryEntity();
            delivery.subscriptionId = subscription.id;
            delivery.event = event;
            delivery.claimId = claimId;
            delivery.payload = payload.length() <= 100_000 ? payload : cut(body);
            delivery.createdAt = now;
            delivery.nextAttemptAt = now;
            delivery.persist();
        }
    }

    /** A payload longer than the outbox keeps loses its data's long texts, not its event. */
    private String cut(Map<String, Object> body) {
        Map<String, Object> shorter = new LinkedHashMap<>(body);
        shorter.put("data", Map.of("truncated", true));
        try {
            return json.writeValueAsString(shorter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
