package io.claimtrack.webhook;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A subscription to register: the URL to POST to, the secret that signs each delivery, the events. */
public record NewWebhook(
        @NotBlank(message = "is required: the http or https URL to POST to")
        @Size(max = 2000, message = "must be at most 2000 characters") String url,
        @NotNull(message = "is required: at least 16 characters, shared with the receiver to check signatures")
        @Size(min = 16, max = 200, message = "must be 16 to 200 characters") String secret,
        @NotEmpty(message = "is required: one or more of CLAIM_SUBMITTED, STANDING_CHANGED, FLAG_RAISED, FLAG_CLEARED,"
                + " REVIEW_PUBLISHED, REVIEW_CORRECTED") Set<@NotNull(message = "must be an event") WebhookEvent> events) {
}
