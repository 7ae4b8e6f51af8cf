package io.claimtrack.authoring;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Who did what to which ruleset version, and when. */
@Entity
@Table(name = "ruleset_audit")
public class RulesetAuditEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    /** CREATE, VALIDATION_FAILED, ACTIVATE, ROLLBACK, FORCED_ACTIVATION. */
    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public int version;

    @Column(length = 4000)
    public String detail;

    static void record(Instant at, String actor, String action, int version, String detail) {
        RulesetAuditEntity entry = new RulesetAuditEntity();
        entry.at = at;
        entry.actor = actor;
        entry.action = action;
        entry.version = version;
        entry.detail = detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "...";
        entry.persist();
    }
}
