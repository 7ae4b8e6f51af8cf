package io.claimtrack.claim;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;
import io.claimtrack.status.FlagView;
import io.claimtrack.status.Reason;
import io.claimtrack.status.Suggestion;

/**
 * A claim as the API shows it: what was said, by whom, what it points at, its dispute standing (status,
 * flags, the reason, and {@code standing} saying in words that it is derived by a rule), the rating the
 * rules suggest, the desk's own review apart from both, the evidence behind the claim and the review (the
 * claim's own source first), and which claims dispute, support or retract it.
 * {@code asOf} (event time) or {@code knownAt} (system time) is set when the view is of the past.
 */
public record ClaimView(long id, String text, ActorView claimant, String topic, Instant assertedAt,
                        Instant recordedAt, String recordedBy, SourceView source, String quote,
                        Long disputes, Long supports, Long retracts, long thread,
                        ClaimStatus status, List<Flag> flags, Reason reason, List<FlagView> flagReasons,
                        String standing, Suggestion suggestedRating, ReviewSummary review, List<EvidenceItem> evidence,
                        List<Long> disputedBy, List<Long> supportedBy, List<Long> retractedBy,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Instant asOf,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Instant knownAt,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<Duplicates.Possible> possibleDuplicates) {

    /** The view answered to a submission: with the stored claims it looks like, if any. */
    ClaimView withPossibleDuplicates(List<Duplicates.Possible> duplicates) {
        return new ClaimView(id, text, claimant, topic, assertedAt, recordedAt, recordedBy, source, quote, disputes,
                supports, retracts, thread, status, flags, reason, flagReasons, standing, suggestedRating, review, evidence,
                disputedBy, supportedBy, retractedBy, asOf, knownAt, duplicates.isEmpty() ? null : duplicates);
    }

    /** The same view with the claimant as it was known at another instant. */
    ClaimView withClaimant(ActorView then) {
        return new ClaimView(id, text, then, topic, assertedAt, recordedAt, recordedBy, source, quote, disputes,
                supports, retracts, thread, status, flags, reason, flagReasons, standing, suggestedRating, review, evidence,
                disputedBy, supportedBy, retractedBy, asOf, knownAt, possibleDuplicates);
    }

    /** The claim it points at and how; null for a claim that opens its thread. */
    @JsonIgnore
    public Relation relation() {
        return Relation.of(disputes, supports, retracts);
    }

    public record SourceView(String url, String title, String publisher) {

        static SourceView of(Source source) {
            return source == null ? null : new SourceView(source.url, source.title, source.publisher);
        }
    }
}
