package io.claimtrack.webhook;

import java.util.List;

import jakarta.transaction.TransactionScoped;

/** The active subscriptions, read once per transaction that has an event (an import has thousands). */
@TransactionScoped
public class SubscriptionsInTransaction {

    private List<WebhookSubscriptionEntity> active;

    List<WebhookSubscriptionEntity> active() {
        if (active == null) {
            active = WebhookSubscriptionEntity.active();
        }
        return active;
    }
}
