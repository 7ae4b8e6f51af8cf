package io.claimtrack.facts;

public enum ActorKind {
    STATE, MILITARY, INTERNATIONAL_ORG, MEDIA, NGO, PERSON, OTHER
}
