package io.claimtrack.facts;

/** What a piece of evidence is. */
public enum EvidenceKind {
    ARTICLE, OFFICIAL_STATEMENT, VIDEO, SOCIAL_POST, DATASET, DOCUMENT
}
