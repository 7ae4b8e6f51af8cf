package io.claimtrack.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.claimtrack.claim.ClaimEntity;
import io.claimtrack.claim.ClaimEvidence;
import io.claimtrack.claim.EvidenceItem;
import io.claimtrack.claim.Source;
import io.claimtrack.evaluation.EvidenceKnown;
import io.claimtrack.facts.Evidence;
import io.claimtrack.facts.EvidenceKind;
import io.claimtrack.status.HistoryEntry;

/** The stored evidence, read for claims' views and histories and handed to evaluation as facts. */
@ApplicationScoped
public class StoredEvidence implements ClaimEvidence, EvidenceKnown {

    @Override
    public Evidence submitted(ClaimEntity claim, Source source) {
        EvidenceEntity evidence = new EvidenceEntity();
        evidence.claimId = claim.id;
        evidence.forReview = false;
        evidence.fromSubmission = true;
        evidence.url = source.url;
        evidence.title = source.title;
        evidence.publisher = source.publisher;
        evidence.kind = EvidenceKind.ARTICLE;
        evidence.addedBy = claim.recordedBy;
        evidence.addedAt = claim.recordedAt;
        evidence.persist();
        return evidence.toFact();
    }

    @Override
    public int carryOver(long fromClaimId, long toClaimId, String by, Instant at) {
        List<EvidenceEntity> cited = new ArrayList<>(EvidenceEntity.inForce(List.of(toClaimId), null));
        int added = 0;
        for (EvidenceEntity piece : EvidenceEntity.inForce(List.of(fromClaimId), null)) {
            if (piece.forReview || cited.stream().anyMatch(other -> sameSource(piece, other))) {
                continue; // a review's evidence belongs to that review, which a merge refuses to drop
            }
            EvidenceEntity copy = new EvidenceEntity();
            copy.claimId = toClaimId;
            copy.url = piece.url;
            copy.archivedUrl = piece.archivedUrl;
            copy.title = piece.title;
            copy.publisher = piece.publisher;
            copy.kind = piece.kind;
            copy.accessedAt = piece.accessedAt;
            String from = "from claim #" + fromClaimId + ", merged into this one";
            copy.note = piece.note == null ? from : (from + ": " + piece.note).substring(0,
                    Math.min(2000, from.length() + 2 + piece.note.length()));
            copy.addedBy = by;
            copy.addedAt = at;
            copy.persist();
            cited.add(copy);
            added++;
        }
        return added;
    }

    private static boolean sameSource(EvidenceEntity one, EvidenceEntity other) {
        return (one.url != null && one.url.equals(other.url))
                || (one.archivedUrl != null && one.archivedUrl.equals(other.archivedUrl));
    }

    @Override
    public Map<Long, List<EvidenceItem>> of(Collection<Long> claimIds, Instant knownAt) {
        Map<Long, List<EvidenceItem>> byClaim = new HashMap<>();
        for (EvidenceEntity evidence : EvidenceEntity.inForce(claimIds, knownAt)) {
            byClaim.computeIfAbsent(evidence.claimId, id -> new ArrayList<>()).add(evidence.toItem(false));
        }
        return byClaim;
    }

    @Override
    public List<Evidence> asFacts(Collection<Long> claimIds, Instant at) {
        Map<Long, List<Evidence>> byClaim = new LinkedHashMap<>();
        for (EvidenceEntity evidence : EvidenceEntity.inForce(claimIds, at)) { // by claim, then id
            byClaim.computeIfAbsent(evidence.claimId, id -> new ArrayList<>()).add(evidence.toFact());
        }
        List<Evidence> facts = new ArrayList<>();
        byClaim.values().forEach(onOneClaim -> facts.addAll(Evidence.withReports(onOneClaim)));
        return facts;
    }

    @Override
    public List<HistoryEntry> history(long claimId) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (EvidenceEntity evidence : EvidenceEntity.everOn(claimId)) {
            String what = (evidence.forReview ? "evidence for the review" : "evidence") + " #" + evidence.id + " ("
                    + describe(evidence) + ")";
            if (!evidence.fromSubmission) { // the claim's own source came with it: its submission is the entry
                entries.add(HistoryEntry.of(evidence.addedAt, new HistoryEntry.EvidenceChange("added", evidence.addedBy,
                        evidence.id, evidence.url, evidence.publisher, null), evidence.addedBy + " added " + what));
            }
            if (evidence.removedAt != null) {
                entries.add(HistoryEntry.of(evidence.removedAt, new HistoryEntry.EvidenceChange("removed",
                        evidence.removedBy, evidence.id, evidence.url, evidence.publisher, evidence.removalReason),
                        evidence.removedBy + " removed " + what + ": " + evidence.removalReason));
            }
        }
        entries.sort(Comparator.comparing(HistoryEntry::at));
        return entries;
    }

    /** Every piece of evidence ever on the claim, removed ones with who, when and why. */
    List<EvidenceItem> everOn(long claimId) {
        return EvidenceEntity.everOn(claimId).stream().map(evidence -> evidence.toItem(true)).toList();
    }

    private static String describe(EvidenceEntity evidence) {
        List<String> parts = new ArrayList<>();
        parts.add(evidence.kind.name());
        if (evidence.publisher != null) {
            parts.add(evidence.publisher);
        }
        parts.add(evidence.url != null ? evidence.url : evidence.title);
        return String.join(", ", parts);
    }
}
