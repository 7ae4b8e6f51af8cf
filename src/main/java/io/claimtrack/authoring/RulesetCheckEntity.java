package io.claimtrack.authoring;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The last check of a version (validation, scenarios, preview), kept as JSON so a page can show it again. */
@Entity
@Table(name = "ruleset_check")
public class RulesetCheckEntity extends PanacheEntityBase {

    /** Only records and plain values go in: a mapper of its own, independent of the API's settings. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Id
    public Integer version;

    @Column(name = "checked_at", nullable = false)
    public Instant checkedAt;

    @Column(name = "checked_by", nullable = false)
    public String checkedBy;

    @Column(nullable = false, length = MAX_RESULT)
    public String result;

    /** Within what both stores keep as plain text; a check with more problems keeps the first {@link #PROBLEMS_KEPT}. */
    static final int MAX_RESULT = 1_000_000;
    static final int PROBLEMS_KEPT = 500;

    /** Keeps the check as the version's last one; two checks of one version finishing at once store one after the other. */
    static void store(DraftChecks.Check check) {
        // The version's row is the lock: without it, two first checks both insert and one fails on the key.
        RulesetEntity.findById(check.version(), LockModeType.PESSIMISTIC_WRITE);
        RulesetCheckEntity row = findById(check.version());
        if (row == null) {
            row = new RulesetCheckEntity();
            row.version = check.version();
        }
        row.checkedAt = check.at();
        row.checkedBy = check.by();
        try {
            row.result = JSON.writeValueAsString(check);
            if (row.result.length() > MAX_RESULT) {
                Validation all = check.validation();
                Validation kept = new Validation(all.version(), all.valid(),
                        all.problems().subList(0, Math.min(PROBLEMS_KEPT, all.problems().size())), null);
                row.result = JSON.writeValueAsString(new DraftChecks.Check(check.version(), check.at(), check.by(), kept,
                        check.tests(), check.preview(), check.stopped()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a check of v" + check.version() + " could not be written", e);
        }
        row.persist();
    }

    static Optional<DraftChecks.Check> of(int version) {
        RulesetCheckEntity row = findById(version);
        if (row == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(row.result, DraftChecks.Check.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored check of v" + version + " could not be read", e);
        }
    }
}
