package io.claimtrack.dashboard;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;

import io.claimtrack.claim.NewClaim;

/**
 * The submit form as posted, every field as typed, so a refused form comes back as it was. It becomes the
 * same request the API takes; what the form cannot say in text (an instant, a claim id) is checked here,
 * everything else by the claim service.
 */
public record ClaimForm(@RestForm String text, @RestForm String claimant, @RestForm String topic,
                        @RestForm String assertedAt, @RestForm String quote, @RestForm String sourceUrl,
                        @RestForm String disputes, @RestForm String supports, @RestForm String retracts) {

    /** An empty form, pointing at a claim when the page was opened from one, said now. */
    static ClaimForm blank(Long disputes, Long supports, Long retracts, Instant now) {
        return new ClaimForm(null, null, null, now.toString(), null, null, text(disputes), text(supports), text(retracts));
    }

    /** The request this form makes; what cannot be read goes into {@code errors} by input name. */
    NewClaim toRequest(Map<String, String> errors) {
        Instant asserted = null;
        try {
            asserted = assertedAt == null || assertedAt.isBlank() ? null : Instant.parse(assertedAt.strip());
        } catch (DateTimeParseException e) {
            errors.put("assertedAt", "must be an instant such as 2015-09-30T12:00:00Z");
        }
        return new NewClaim(text, claimant, null, null, topic, asserted,
                sourceUrl == null || sourceUrl.isBlank() ? null : new NewClaim.SourceInput(sourceUrl.strip(), null, null),
                quote, id("disputes", disputes, errors), id("supports", supports, errors), id("retracts", retracts, errors),
                null);
    }

    private static Long id(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "must be a claim id");
            return null;
        }
    }

    private static String text(Long id) {
        return id == null ? null : id.toString();
    }
}
