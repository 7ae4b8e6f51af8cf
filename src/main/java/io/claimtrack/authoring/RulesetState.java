package io.claimtrack.authoring;

public enum RulesetState {
    DRAFT, ACTIVE, RETIRED
}
