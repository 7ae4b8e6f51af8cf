package io.claimtrack.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;
import io.claimtrack.rules.Assessment;
import io.claimtrack.rules.Evaluation;
import io.claimtrack.testing.Api;
import io.claimtrack.testing.TestUsers;
import io.claimtrack.time.MovableClock;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * StatusRecorder on its own: what it writes for each kind of conclusion, against a claim stored through
 * the API. Each test's writes are rolled back.
 */
@QuarkusTest
class StatusRecorderTest {

    private static final String UNVERIFIED_RULE = "Claim no independent actor disputes or supports is UNVERIFIED";

    @Inject
    StatusRecorder recorder;

    @Inject
    MovableClock clock;

    private long claim;

    @BeforeEach
    void storeAClaim() {
        TestUsers.signInAsDesk();
        claim = Api.submit(Api.unique("Recorder"), clock.instant().minus(Duration.ofDays(1)).toString());
    }

    @Test
    @TestTransaction
    void shouldWriteNothingWhenTheSameConclusionComesAgain() {
        ClaimStatusEntity before = stored();
        assertEquals(0, recorder.record(evaluation(before.rulesetVersion, before.status, before.rule, before.explanation,
                Map.of()), "again"));
        assertEquals(1, history().size());
    }

    @Test
    @TestTransaction
    void shouldUpdateTheReasonButRecordNoChangeWhenOnlyTheWordingMoves() {
        ClaimStatusEntity before = stored();
        Instant since = before.since;
        int nextVersion = before.rulesetVersion + 1;
        clock.advance(Duration.ofSeconds(1));

        assertEquals(0, recorder.record(evaluation(nextVersion, ClaimStatus.UNVERIFIED, UNVERIFIED_RULE,
                "worded otherwise", Map.of()), "ruleset v2 activated"));

        ClaimStatusEntity after = stored();
        assertEquals("worded otherwise", after.explanation);
        assertEquals(nextVersion, after.rulesetVersion);
        assertEquals(since, after.since, "the status did not change, so neither did since");
        assertEquals(1, history().size(), "the standing is the same: no history entry");
    }

    @Test
    @TestTransaction
    void shouldRecordAFlagRaisedWithoutMovingSince() {
        ClaimStatusEntity before = stored();
        Instant since = before.since;
        clock.advance(Duration.ofSeconds(1));

        assertEquals(1, recorder.record(evaluation(before.rulesetVersion, ClaimStatus.UNVERIFIED, UNVERIFIED_RULE,
                before.explanation, Map.of(Flag.STALE, "nothing new in 30 days")), "time passed"));

        assertEquals(since, stored().since);
        assertEquals(List.of(Flag.STALE), stored().flagSet().stream().toList());
        StatusChangeEntity change = history().get(1);
        assertEquals(ClaimStatus.UNVERIFIED, change.previousStatus);
        assertEquals(List.of(), change.previousFlagList());
        assertEquals(List.of(Flag.STALE), change.flagList());
        assertEquals("time passed", change.cause);
    }

    @Test
    @TestTransaction
    void shouldRecordAStatusChangeWithItsCauseAndMoveSince() {
        ClaimStatusEntity before = stored();
        Instant was = before.since;
        clock.advance(Duration.ofSeconds(1));
        Instant from = clock.instant();

        assertEquals(1, recorder.record(evaluation(before.rulesetVersion, ClaimStatus.CONTESTED, "a dispute", "disputed",
                Map.of()), "claim #0 submitted"));

        Instant to = clock.instant();
        ClaimStatusEntity after = stored();
        assertEquals(ClaimStatus.CONTESTED, after.status);
        assertTrue(!after.since.isBefore(from) && !after.since.isAfter(to) && after.since.isAfter(was),
                "since moves to the change: " + after.since);
        StatusChangeEntity change = history().get(1);
        assertEquals(ClaimStatus.UNVERIFIED, change.previousStatus);
        assertEquals(ClaimStatus.CONTESTED, change.status);
        assertEquals(after.since, change.at);
        assertEquals("claim #0 submitted", change.cause);
    }

    @Test
    @TestTransaction
    void shouldStartAClaimsHistoryWithNoPreviousStanding() {
        StatusChangeEntity first = history().get(0);
        assertNull(first.previousStatus);
        assertNull(first.previousFlagList());
    }

    private Evaluation evaluation(int version, ClaimStatus status, String rule, String explanation,
                                  Map<Flag, String> flags) {
        SortedMap<Flag, Assessment.FlagReason> reasons = new TreeMap<>();
        flags.forEach((flag, why) -> reasons.put(flag, new Assessment.FlagReason("flag rule", why)));
        return new Evaluation(version, Map.of(claim, new Assessment(claim, status, rule, explanation, reasons)));
    }

    private ClaimStatusEntity stored() {
        return ClaimStatusEntity.forClaims(List.of(claim)).get(claim);
    }

    private List<StatusChangeEntity> history() {
        return StatusChangeEntity.forClaim(claim);
    }
}
