package io.claimtrack.facts;

/**
 * Where the desk's own review of a claim stands. Read top to bottom it is the workflow: a claim waits
 * for an editor, is assigned, reviewed, made ready with a rating, published, and after that corrected
 * or unpublished. A claim nobody has touched is UNASSIGNED.
 */
public enum ReviewState {
    UNASSIGNED,
    ASSIGNED,
    IN_REVIEW,
    READY,
    PUBLISHED,
    CORRECTED,
    UNPUBLISHED;

    /** Whether the desk's rating is out in public: published, or published and corrected since. */
    public boolean isPublic() {
        return this == PUBLISHED || this == CORRECTED;
    }
}
