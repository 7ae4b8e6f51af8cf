package io.claimtrack.status;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change of a claim's status or flags, in system time. Written once, never changed. */
@Entity
@Table(name = "status_change")
public class StatusChangeEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "claim_id", nullable = false)
    public Long claimId;

    @Column(name = "changed_at", nullable = false)
    public Instant at;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public ClaimStatus status;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "previous_status")
    public ClaimStatus previousStatus;

    /** Comma-separated flag names: a snapshot, never queried by flag. */
    @Column(nullable = false)
    public String flags;

    @Column(name = "previous_flags")
    public String previousFlags;

    @Column(name = "rule_name", nullable = false)
    public String rule;

    @Column(nullable = false, length = 20_000)
    public String explanation;

    @Column(name = "ruleset_version", nullable = false)
    public int rulesetVersion;

    @Column(nullable = false)
    public String cause;

    public static List<StatusChangeEntity> forClaim(long claimId) {
        return list("claimId = ?1 order by id", claimId);
    }

    public List<Flag> flagList() {
        return parse(flags);
    }

    public List<Flag> previousFlagList() {
        return previousFlags == null ? null : parse(previousFlags);
    }

    static String join(Collection<Flag> flags) {
        return flags.stream().map(Flag::name).collect(Collectors.joining(","));
    }

    static List<Flag> parse(String flags) {
        return flags.isEmpty() ? List.of() : Arrays.stream(flags.split(",")).map(Flag::valueOf).toList();
    }
}
