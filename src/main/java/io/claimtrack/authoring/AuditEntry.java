package io.claimtrack.authoring;

import java.time.Instant;

public record AuditEntry(Instant at, String actor, String action, int version, String detail) {

    public static AuditEntry of(RulesetAuditEntity entry) {
        return new AuditEntry(entry.at, entry.actor, entry.action, entry.version, entry.detail);
    }
}
