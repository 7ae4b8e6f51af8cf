package io.claimtrack.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;
import io.claimtrack.rules.Assessment;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A claim's current status: the conclusion of the latest evaluation of its thread. */
@Entity
@Table(name = "claim_status")
public class ClaimStatusEntity extends PanacheEntityBase {

    @Id
    @Column(name = "claim_id")
    public Long claimId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public ClaimStatus status;

    @Column(name = "rule_name", nullable = false)
    public String rule;

    @Column(nullable = false, length = 20_000)
    public String explanation;

    /** When the current status took effect (system time). */
    @Column(nullable = false)
    public Instant since;

    @Column(name = "ruleset_version", nullable = false)
    public int rulesetVersion;

    /** The rating the rules suggest to the desk (a name on its scale), the rule and why; null when none. */
    @Column(name = "suggested_rating")
    public String suggestedRating;

    @Column(name = "suggestion_rule")
    public String suggestionRule;

    @Column(name = "suggestion_explanation", length = 20_000)
    public String suggestionExplanation;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "claim_flag", joinColumns = @JoinColumn(name = "claim_id"))
    public List<RaisedFlag> flags = new ArrayList<>();

    /**
     * Whether this row already says what {@code assessment} concludes under {@code rulesetVersion}, reasons
     * and suggestion included ({@code suggestion} as it is to be recorded: null when none is kept).
     */
    boolean states(Assessment assessment, int rulesetVersion, Assessment.Suggestion suggestion) {
        return status == assessment.status() && rule.equals(assessment.rule())
                && explanation.equals(assessment.explanation()) && this.rulesetVersion == rulesetVersion
                && hasFlags(assessment.flags()) && Objects.equals(suggestion(), suggestion == null ? null
                        : new Suggestion(suggestion.rating(), suggestion.rule(), suggestion.explanation()));
    }

    public Suggestion suggestion() {
        return suggestedRating == null ? null : new Suggestion(suggestedRating, suggestionRule, suggestionExplanation);
    }

    void suggest(Assessment.Suggestion suggestion) {
        suggestedRating = suggestion == null ? null : suggestion.rating();
        suggestionRule = suggestion == null ? null : suggestion.rule();
        suggestionExplanation = suggestion == null ? null : suggestion.explanation();
    }

    /** Whether the stored flags are exactly {@code raised}, reasons included. */
    boolean hasFlags(Map<Flag, Assessment.FlagReason> raised) {
        return flags.size() == raised.size() && flags.stream().allMatch(stored -> {
            Assessment.FlagReason reason = raised.get(stored.flag);
            return reason != null && reason.rule().equals(stored.rule) && reason.explanation().equals(stored.explanation);
        });
    }

    public SortedSet<Flag> flagSet() {
        return flags.stream().map(f -> f.flag).collect(Collectors.toCollection(TreeSet::new));
    }

    public static Map<Long, ClaimStatusEntity> forClaims(Collection<Long> claimIds) {
        if (claimIds.isEmpty()) {
            return Map.of();
        }
        // Flags fetched in the same query: one select for the lot, not one more per status.
        return ClaimStatusEntity.<ClaimStatusEntity>list(
                        "select distinct s from ClaimStatusEntity s left join fetch s.flags where s.claimId in ?1", claimIds).stream()
                .collect(Collectors.toMap(s -> s.claimId, Function.identity()));
    }
}
