package io.claimtrack.webhook;

/** What a webhook subscription can be told of. */
public enum WebhookEvent {
    CLAIM_SUBMITTED, STANDING_CHANGED, FLAG_RAISED, FLAG_CLEARED, REVIEW_PUBLISHED, REVIEW_CORRECTED
}
