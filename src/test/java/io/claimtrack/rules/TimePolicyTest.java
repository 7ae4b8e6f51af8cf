package io.claimtrack.rules;

import static io.claimtrack.rules.PolicyScenario.IRAN;
import static io.claimtrack.rules.PolicyScenario.RUSSIA;
import static io.claimtrack.rules.PolicyScenario.US;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;

/** The time-driven flag STALE, analysts' verdicts, and event-time timelines. */
class TimePolicyTest {

    private final PolicyScenario thread = new PolicyScenario();

    @Test
    void shouldFlagStaleOnlyOnceThirtyDaysPassWithNothingNew() {
        long strikes = thread.claim(RUSSIA);
        thread.disputes(US, strikes);

        thread.after(Duration.ofDays(30).minusMinutes(1));
        assertFalse(thread.evaluate().get(strikes).flags().containsKey(Flag.STALE), "29 days 23:59 later");

        thread.after(Duration.ofMinutes(1));
        Assessment russia = thread.evaluate().get(strikes);
        assertEquals(Set.of(Flag.STALE), russia.flags().keySet(), "30 days later");
        assertEquals("Contested claim with nothing asserted about it in 30 days is STALE",
                russia.flags().get(Flag.STALE).rule());
        assertTrue(russia.flags().get(Flag.STALE).explanation()
                .contains("The latest was United States (claim #2), asserted 2015-09-30T12:00:00Z"),
                russia.flags().get(Flag.STALE).explanation());
    }

    @Test
    void shouldClearStaleWhenANewDisputeArrives() {
        long strikes = thread.claim(RUSSIA);
        thread.disputes(US, strikes);
        thread.gap(Duration.ofDays(45));
        thread.disputes(IRAN, strikes);

        Assessment russia = thread.evaluate().get(strikes);

        assertEquals(Set.of(Flag.WIDELY_CONTESTED), russia.flags().keySet());
    }

    @Test
    void shouldNotFlagStaleAClaimThatIsNotContested() {
        long strikes = thread.claim(RUSSIA);
        thread.after(Duration.ofDays(400));

        assertTrue(thread.evaluate().get(strikes).flags().isEmpty());
    }

    @Test
    void shouldGiveAnAnalystsVerdictPrecedenceBelowRetraction() {
        long strikes = thread.claim(RUSSIA);
        thread.disputes(US, strikes);
        long verdict = thread.verdict(strikes, ClaimStatus.CONFIRMED, "satellite imagery shows IS targets");

        Assessment russia = thread.evaluate().get(strikes);

        assertEquals(ClaimStatus.CONFIRMED, russia.status(), "the verdict outranks CONTESTED");
        assertEquals("Claim with an analyst's verdict takes that verdict", russia.rule());
        assertTrue(russia.explanation().startsWith("Set to CONFIRMED by analyst Ana Lyst (verdict #" + verdict),
                russia.explanation());
        assertTrue(russia.explanation().contains("satellite imagery shows IS targets"), russia.explanation());

        thread.retracts(RUSSIA, strikes);
        assertEquals(ClaimStatus.RETRACTED, thread.evaluate().get(strikes).status(), "retraction outranks the verdict");
    }

    @Test
    void shouldFollowTheLatestVerdict() {
        long strikes = thread.claim(RUSSIA);
        thread.verdict(strikes, ClaimStatus.CONFIRMED, "first look");
        thread.verdict(strikes, ClaimStatus.REFUTED, "second look");

        assertEquals(ClaimStatus.REFUTED, thread.evaluate().get(strikes).status());
    }

    @Test
    void shouldTellTheTimelineOfAClaimInEventTime() {
        long strikes = thread.claim(RUSSIA);
        long usDispute = thread.disputes(US, strikes);
        thread.after(Duration.ofDays(40));

        List<Transition> timeline = thread.timeline(strikes);

        assertEquals(3, timeline.size(), timeline.toString());
        assertEquals(ClaimStatus.UNVERIFIED, timeline.get(0).assessment().status());
        assertEquals(strikes, timeline.get(0).cause().getId());
        assertEquals(ClaimStatus.CONTESTED, timeline.get(1).assessment().status());
        assertEquals(usDispute, timeline.get(1).cause().getId());
        assertEquals(Set.of(Flag.STALE), timeline.get(2).assessment().flags().keySet());
        assertNull(timeline.get(2).cause(), "time passed");
        assertEquals(Instant.parse("2015-10-30T12:00:00Z"), timeline.get(2).at(),
                "the instant the 30 days after the dispute of 2015-09-30T12:00Z run out");
    }
}
