package io.claimtrack.authoring;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One version of the policy: its DRL files and attached scenarios, never changed once created. */
@Entity
@Table(name = "ruleset")
public class RulesetEntity extends PanacheEntityBase {

    @Id
    public Integer version;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public RulesetState state;

    @Column(nullable = false)
    public String author;

    public String note;

    @Column(name = "based_on")
    public Integer basedOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "activated_at")
    public Instant activatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ruleset_file", joinColumns = @JoinColumn(name = "version"))
    @MapKeyColumn(name = "name")
    @Column(name = "content", nullable = false, length = 300_000)
    public Map<String, String> files = new TreeMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ruleset_scenario", joinColumns = @JoinColumn(name = "version"))
    @MapKeyColumn(name = "name")
    @Column(name = "content", nullable = false, length = 300_000)
    public Map<String, String> scenarios = new TreeMap<>();

    public static Optional<RulesetEntity> active() {
        return find("state", RulesetState.ACTIVE).firstResultOptional();
    }

    /**
     * The next version number, for a draft about to be stored. Drafts created at once (here or on another
     * instance) would read the same maximum: the active version's row is locked first, so they take their
     * numbers one after the other (and after an activation in progress), never the same one.
     */
    public static int nextDraftVersion() {
        find("state", RulesetState.ACTIVE).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        return nextVersion();
    }

    public static int nextVersion() {
        Integer max = getEntityManager().createQuery("select max(r.version) from RulesetEntity r", Integer.class)
                .getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
