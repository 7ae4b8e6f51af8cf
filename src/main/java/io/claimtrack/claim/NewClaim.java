package io.claimtrack.claim;

import java.time.Instant;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.claimtrack.facts.ActorKind;

/**
 * A claim to record. {@code claimant} is a registered actor's name, any case; an unknown name is a 422 naming the
 * closest registered ones, unless {@code claimantKind} (and {@code claimantBlocs}) say how to register it with the claim.
 * Claims that look like it come back as {@code possibleDuplicates}; {@code ifDuplicate: "reject"} refuses it instead.
 * At most one of {@code disputes}, {@code supports}, {@code retracts} names an earlier claim.
 */
public record NewClaim(
        @NotBlank(message = "must not be blank")
        @Size(max = 10_000, message = "must be at most 10000 characters")
        @PlainText
        String text,

        @NotBlank(message = "must not be blank")
        @Size(max = 200, message = "must be at most 200 characters")
        @PlainText
        String claimant,

        ActorKind claimantKind,

        @Size(max = 20, message = "at most 20 blocs")
        Set<@NotBlank(message = "a bloc name must not be blank")
            @Size(max = 100, message = "a bloc name must be at most 100 characters") @PlainText String> claimantBlocs,

        @Size(max = 200, message = "must be at most 200 characters")
        @PlainText
        String topic,

        @NotNull(message = "is required: when the claim was made, e.g. 2015-09-30T12:00:00Z")
        Instant assertedAt,

        @Valid
        SourceInput source,

        @Size(max = 10_000, message = "must be at most 10000 characters")
        @PlainText
        String quote,

        @Positive(message = "must be a claim id") Long disputes,
        @Positive(message = "must be a claim id") Long supports,
        @Positive(message = "must be a claim id") Long retracts,

        @Pattern(regexp = "store|reject", message = "must be \"store\" (the default) or \"reject\"")
        String ifDuplicate) {

    /** Whether likely duplicates make this submission a refusal rather than a warning in the answer. */
    boolean rejectsDuplicates() {
        return "reject".equals(ifDuplicate);
    }

    public record SourceInput(
            @Size(max = 2000, message = "must be at most 2000 characters")
            @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
            @PlainText
            String url,

            @Size(max = 500, message = "must be at most 500 characters")
            @PlainText
            String title,

            @Size(max = 200, message = "must be at most 200 characters")
            @PlainText
            String publisher) {
    }
}
