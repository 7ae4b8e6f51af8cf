package io.claimtrack.claim;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.claimtrack.facts.EvidenceKind;

/**
 * One source behind a claim or behind the desk's review of it, as a claim's view shows it: where it is
 * (and an archived copy), who published it, what it is, when it was accessed, a note, who added it and
 * when; and, when it was removed, who removed it, when and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvidenceItem(long id, boolean forReview, String url, String archivedUrl, String title, String publisher,
                           EvidenceKind kind, Instant accessedAt, String note, String addedBy, Instant addedAt,
                           String removedBy, Instant removedAt, String removalReason) {
}
