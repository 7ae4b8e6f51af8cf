package io.claimtrack.evidence;

import java.time.Instant;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.claimtrack.claim.PlainText;
import io.claimtrack.facts.EvidenceKind;

/**
 * A source to add to a claim ({@code forReview} false) or to the desk's review of it (true, editors only):
 * a URL or at least a title, an archived copy, the publisher, what it is (ARTICLE when not said), when it
 * was accessed, a note.
 */
public record NewEvidence(
        @Size(max = 2000, message = "must be at most 2000 characters")
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") @PlainText String url,
        @Size(max = 2000, message = "must be at most 2000 characters")
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") @PlainText String archivedUrl,
        @Size(max = 500, message = "must be at most 500 characters") @PlainText String title,
        @Size(max = 200, message = "must be at most 200 characters") @PlainText String publisher,
        EvidenceKind kind,
        Instant accessedAt,
        @Size(max = 2000, message = "must be at most 2000 characters") @PlainText String note,
        Boolean forReview) {
}
