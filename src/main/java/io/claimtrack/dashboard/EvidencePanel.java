package io.claimtrack.dashboard;

import io.claimtrack.claim.EvidenceItem;
import io.claimtrack.facts.EvidenceKind;

/**
 * The evidence panel of a claim's page: who may add (submitters and editors; editors also to the review)
 * and remove (the one who added it, or an editor), the kinds to choose from, and the last refusal if any.
 */
public record EvidencePanel(String user, boolean canAdd, boolean editor, String csrf, String error) {

    public EvidenceKind[] kinds() {
        return EvidenceKind.values();
    }

    public boolean canRemove(EvidenceItem item) {
        return canAdd && (editor || item.addedBy().equalsIgnoreCase(user));
    }
}
