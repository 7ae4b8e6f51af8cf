package io.claimtrack.status;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.claimtrack.evaluation.Conclusions;
import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;
import io.claimtrack.rating.RatingScale;
import io.claimtrack.rules.Assessment;
import io.claimtrack.rules.Evaluation;

/**
 * Records what an evaluation concluded: the current status of each claim, and a history entry for
 * every claim whose status or flags changed. It never decides anything itself.
 */
@ApplicationScoped
public class StatusRecorder implements Conclusions {

    private static final Logger LOG = Logger.getLogger(StatusRecorder.class);

    private final Clock clock;
    private final Event<StatusChanged> changes;
    private final RatingScale scale;
    /** Ratings off the scale already logged, so a ruleset suggesting one logs it once, not once per claim. */
    private final Set<String> loggedOffScale = ConcurrentHashMap.newKeySet();

    /** The length of status_change.cause. */
    static final int MAX_CAUSE = 500;

    public StatusRecorder(Clock clock, Event<StatusChanged> changes, RatingScale scale) {
        this.clock = clock;
        this.changes = changes;
        this.scale = scale;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int record(Evaluation evaluation, String reportedCause) {
        // A cause quotes what a person wrote (a correction's reason, up to 2,000 characters): the history keeps 500.
        String cause = reportedCause.length() <= MAX_CAUSE ? reportedCause : reportedCause.substring(0, MAX_CAUSE - 1) + "…";
        Instant now = clock.instant();
        Map<Long, ClaimStatusEntity> current = ClaimStatusEntity.forClaims(evaluation.assessments().keySet());
        int changed = 0;
        for (Assessment assessment : evaluation.assessments().values().stream()
                .sorted(Comparator.comparingLong(Assessment::claimId)).toList()) {
            ClaimStatusEntity status = current.get(assessment.claimId());
            Assessment.Suggestion suggestion = onScale(assessment.suggestion(), evaluation.rulesetVersion());
            if (status != null && status.states(assessment, evaluation.rulesetVersion(), suggestion)) {
                continue; // the same conclusion, for the same reasons, under the same ruleset: nothing to write
            }
            ClaimStatus previousStatus = status == null ? null : status.status;
            SortedSet<Flag> previousFlags = status == null ? null : status.flagSet();
            if (status == null) {
                status = new ClaimStatusEntity();
                status.claimId = assessment.claimId();
            }
            boolean statusChanged = previousStatus != assessment.status();
            apply(status, assessment, evaluation.rulesetVersion(), now, statusChanged);
            status.suggest(suggestion);
            if (previousFlags == null || !assessment.keepsStanding(previousStatus, previousFlags)) {
                history(assessment, previousStatus, previousFlags, evaluation.rulesetVersion(), now, cause).persist();
                // Delivered to observers only if the transaction commits (see LiveStatus).
                changes.fire(new StatusChanged(assessment.claimId(), assessment.status(), previousStatus,
                        List.copyOf(assessment.flags().keySet()), previousFlags == null ? null : List.copyOf(previousFlags), assessment.rule(), assessment.explanation(), cause));
                changed++;
            }
        }
        return changed;
    }

    /** The suggestion if it names a rating of the desk's scale; otherwise none, and a warning (once). */
    private Assessment.Suggestion onScale(Assessment.Suggestion suggestion, int rulesetVersion) {
        if (suggestion == null || scale.has(suggestion.rating())) {
            return suggestion;
        }
        String rating = suggestion.rating().length() > 40 ? suggestion.rating().substring(0, 40) + "…" : suggestion.rating();
        if (loggedOffScale.size() < 100 && loggedOffScale.add(rulesetVersion + " " + rating)) {
            LOG.warnf("Ruleset v%d: rule \"%s\" suggests the rating \"%s\", which is not on the desk's scale (%s):"
                    + " not shown", rulesetVersion, suggestion.rule(), rating, scale.names());
        }
        return null;
    }

    private static void apply(ClaimStatusEntity status, Assessment assessment, int rulesetVersion, Instant now,
                              boolean statusChanged) {
        status.status = assessment.status();
        status.rule = assessment.rule();
        status.explanation = assessment.explanation();
        status.rulesetVersion = rulesetVersion;
        if (statusChanged) {
            status.since = now;
        }
        if (!status.hasFlags(assessment.flags())) {
            status.flags.clear();
            assessment.flags().forEach((flag, reason) ->
                    status.flags.add(RaisedFlag.of(flag, reason.rule(), reason.explanation())));
        }
        if (!status.isPersistent()) {
            status.persist();
        }
    }

    private static StatusChangeEntity history(Assessment assessment, ClaimStatus previousStatus,
                                              SortedSet<Flag> previousFlags, int rulesetVersion, Instant now,
                                              String cause) {
        StatusChangeEntity change = new StatusChangeEntity();
        change.claimId = assessment.claimId();
        change.at = now;
        change.status = assessment.status();
        change.previousStatus = previousStatus;
        change.flags = StatusChangeEntity.join(assessment.flags().keySet());
        change.previousFlags = previousFlags == null ? null : StatusChangeEntity.join(previousFlags);
        change.rule = assessment.rule();
        change.explanation = assessment.explanation();
        change.rulesetVersion = rulesetVersion;
        change.cause = cause;
        return change;
    }
}
