package io.claimtrack.rules;

import static io.claimtrack.rules.PolicyScenario.AMNESTY;
import static io.claimtrack.rules.PolicyScenario.FRANCE;
import static io.claimtrack.rules.PolicyScenario.IRAN;
import static io.claimtrack.rules.PolicyScenario.LAVROV;
import static io.claimtrack.rules.PolicyScenario.REUTERS;
import static io.claimtrack.rules.PolicyScenario.RUSSIA;
import static io.claimtrack.rules.PolicyScenario.US;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.claimtrack.facts.Actor;
import io.claimtrack.facts.ActorKind;
import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;

/** The baseline policy of {@code rules/}, row by row of the status table in the README's "The policy", then its flags. */
class DefaultPolicyTest {

    private final PolicyScenario thread = new PolicyScenario();

    @Test
    void shouldReproduceTheSeedArticle() {
        long strikes = thread.claim(RUSSIA);
        long usDispute = thread.disputes(US, strikes);
        long franceDispute = thread.disputes(FRANCE, strikes);

        Map<Long, Assessment> result = thread.evaluate();

        Assessment russia = result.get(strikes);
        assertEquals(ClaimStatus.CONTESTED, russia.status());
        assertEquals("Claim disputed by an independent actor is CONTESTED", russia.rule());
        assertTrue(russia.flags().isEmpty(), "the US and France are one bloc, so not WIDELY_CONTESTED");
        assertEquals("Disputed by United States (claim #2) and France (claim #3). "
                + "United States and France each share no bloc with Russia (bloc \"Russia\"). "
                + "United States and France share the bloc \"US-led coalition\", so they are not independent of each other.",
                russia.explanation());
        assertEquals(ClaimStatus.UNVERIFIED, result.get(usDispute).status());
        assertEquals(ClaimStatus.UNVERIFIED, result.get(franceDispute).status());
    }

    @Nested
    class Unverified {

        @Test
        void shouldBeUnverifiedWhenNobodyElseSpeaks() {
            long strikes = thread.claim(RUSSIA);

            Assessment russia = thread.evaluate().get(strikes);

            assertEquals(ClaimStatus.UNVERIFIED, russia.status());
            assertEquals("Claim no independent actor disputes or supports is UNVERIFIED", russia.rule());
            assertTrue(russia.explanation().contains("independent of Russia (bloc \"Russia\")"), russia.explanation());
        }

        @Test
        void shouldIgnoreDisputeAndSupportFromTheSameBloc() {
            long strikes = thread.claim(RUSSIA);
            thread.disputes(LAVROV, strikes);
            thread.supports(LAVROV, strikes);

            assertEquals(ClaimStatus.UNVERIFIED, thread.evaluate().get(strikes).status());
        }
    }

    @Nested
    class Contested {

        @Test
        void shouldBeContestedWhenAnIndependentActorDisputes() {
            long strikes = thread.claim(RUSSIA);
            thread.disputes(US, strikes);

            Assessment russia = thread.evaluate().get(strikes);

            assertEquals(ClaimStatus.CONTESTED, russia.status());
            assertTrue(russia.explanation().startsWith("Disputed by United States (claim #2)."), russia.explanation());
        }

        @Test
        void shouldOutrankConfirmedWhenBothHold() {
            long strikes = thread.claim(RUSSIA);
            thread.supports(IRAN, strikes);
            thread.supports(REUTERS, strikes);
            thread.disputes(US, strikes);

            assertEquals(ClaimStatus.CONTESTED, thread.evaluate().get(strikes).status());
        }
    }

    @Nested
    class Refuted {

        @Test
        void shouldBeRefutedWhenTwoNeutralActorsIndependentOfEachOtherDispute() {
            long strikes = thread.claim(RUSSIA);
            thread.disputes(US, strikes);
            thread.disputes(REUTERS, strikes);
            thread.disputes(AMNESTY, strikes);

            Assessment russia = thread.evaluate().get(strikes);

            assertEquals(ClaimStatus.REFUTED, russia.status(), "REFUTED outranks CONTESTED");
            assertEquals("Claim disputed by two neutral actors independent of each other, and supported by no neutral"
                    + " actor, is REFUTED", russia.rule());
            assertTrue(russia.explanation().startsWith("Disputed by Reuters (claim #3) and Amnesty International (claim #4),"
                    + " neutral"), russia.explanation());
            assertTrue(russia.explanation().contains("Reuters and Amnesty International"), russia.explanation());
        }

        @Test
        void shouldBeRefutedWhenANeutralActorsDisputeIsItselfBacked() {
            long strikes = thread.claim(RUSSIA);
            long reuters = thread.disputes(REUTERS, strikes);
            thread.supports(US, reuters);

            Map<Long, Assessment> result = thread.evaluate();

            assertEquals(ClaimStatus.CORROBORATED, result.get(reuters).status());
            assertEquals(ClaimStatus.REFUTED, result.get(strikes).status());
            assertEquals("Claim disputed by a neutral actor whose dispute is itself backed, and supported by no neutral"
                    + " actor, is REFUTED", result.get(strikes).rule());
            assertTrue(result.get(strikes).explanation().contains("The dispute in claim #" + reuters
                    + " is itself CORROBORATED"), result.get(strikes).explanation());
        }

        /** One neutral voice, itself unverified, is thin ground for a red word: the desk sees CONTESTED. */
        @Test
        void shouldOnlyBeContestedWhenOneNeutralActorDisputesUnbacked() {
            long strikes = thread.claim(RUSSIA);
            thread.disputes(US, strikes);
            long reuters = thread.disputes(REUTERS, strikes);

            Map<Long, Assessment> result = thread.evaluate();

            assertEquals(ClaimStatus.UNVERIFIED, result.get(reuters).status());
            assertEquals(ClaimStatus.CONTESTED, result.get(strikes).status());
        }

        @Test
        void shouldOnlyBeContestedWhenTheNeutralDisputantsShareABloc() {
            Actor bbc = new Actor("BBC", ActorKind.MEDIA, Set.of("UK media"));
            Actor guardian = new Actor("The Guardian", ActorKind.MEDIA, Set.of("UK media"));
            long strikes = thread.claim(RUSSIA);
            thread.disputes(bbc, strikes);
            thread.disputes(guardian, strikes);

            assertEquals(ClaimStatus.CONTESTED, thread.evaluate().get(strikes).status());
        }

        @Test
        void shouldOnlyBeContestedWhenANeutralActorAlsoSupports() {
            long strikes = thread.claim(RUSSIA);
            thread.disputes(REUTERS, strikes);
            thread.supports(AMNESTY, strikes);

            assertEquals(ClaimStatus.CONTESTED, thread.evaluate().get(strikes).status());
        }
    }

    @Nested
    class Retracted {

        @Test
        void shouldBeRetractedWhenTheClaimantRetracts() {
            long strikes = thread.claim(RUSSIA);
            thread.disputes(REUTERS, strikes);
            thread.disputes(AMNESTY, strikes);
            long retraction = thread.retracts(RUSSIA, strikes);

            Assessment russia = thread.evaluate().get(strikes);

            assertEquals(ClaimStatus.RETRACTED, russia.status(), "RETRACTED outranks REFUTED");
            assertEquals("Claim retracted by its own claimant is RETRACTED", russia.rule());
            assertEquals("Russia retracted this claim in claim #" + retraction + ".", russia.explanation());
        }

        @Test
        void shouldIgnoreARetractionByAnotherActor() {
            long strikes = thread.claim(RUSSIA);
            thread.retracts(LAVROV, strikes);

            assertEquals(ClaimStatus.UNVERIFIED, thread.evaluate().get(strikes).status());
        }
    }

    @Nested
    class ConfirmedAndCorroborated {

        @Test
        void shouldBeConfirmedWhenTwoMutuallyIndependentActorsSupport() {
            long strikes = thread.claim(RUSSIA);
            thread.supports(US, strikes);
            thread.supports(IRAN, strikes);

            Assessment russia = thread.evaluate().get(strikes);

            assertEquals(ClaimStatus.CONFIRMED, russia.status());
            assertEquals("Claim supported by two actors independent of each other is CONFIRMED", russia.rule());
            assertTrue(russia.explanation().contains("United States and Iran share no bloc"), russia.explanation());
        }

        @Test
        void shouldOnlyBeCorroboratedWhenTheSupportersShareABloc() {
            long strikes = thread.claim(RUSSIA);
            thread.supports(US, strikes);
            thread.supports(FRANCE, strikes);

            Assessment russia = thread.evaluate().get(strikes);

            assertEquals(ClaimStatus.CORROBORATED, russia.status());
            assertEquals("Claim supported by an independent actor is CORROBORATED", russia.rule());
            assertTrue(russia.explanation().contains("United States and France share the bloc \"US-led coalition\""),
                    russia.explanation());
        }

        @Test
        void shouldBeCorroboratedBySingleIndependentSupporter() {
            long strikes = thread.claim(RUSSIA);
            thread.supports(IRAN, strikes);

            assertEquals(ClaimStatus.CORROBORATED, thread.evaluate().get(strikes).status());
        }
    }

    @Nested
    class CounterclaimsThatNoLongerStand {

        @Test
        void shouldStopCountingARetractedCounterclaim() {
            long strikes = thread.claim(RUSSIA);
            long usDispute = thread.disputes(US, strikes);
            thread.retracts(US, usDispute);

            Map<Long, Assessment> result = thread.evaluate();

            assertEquals(ClaimStatus.RETRACTED, result.get(usDispute).status());
            assertEquals(ClaimStatus.UNVERIFIED, result.get(strikes).status());
        }

        @Test
        void shouldStopCountingARefutedCounterclaim() {
            long strikes = thread.claim(RUSSIA);
            long usDispute = thread.disputes(US, strikes);
            thread.disputes(REUTERS, usDispute);
            thread.disputes(AMNESTY, usDispute);

            Map<Long, Assessment> result = thread.evaluate();

            assertEquals(ClaimStatus.REFUTED, result.get(usDispute).status());
            assertEquals(ClaimStatus.UNVERIFIED, result.get(strikes).status());
        }

        @Test
        void shouldCountTheCounterclaimAgainWhenItsRefutationIsRetracted() {
            long strikes = thread.claim(RUSSIA);
            long usDispute = thread.disputes(US, strikes);
            long reutersDispute = thread.disputes(REUTERS, usDispute);
            thread.retracts(REUTERS, reutersDispute);

            Map<Long, Assessment> result = thread.evaluate();

            assertEquals(ClaimStatus.RETRACTED, result.get(reutersDispute).status());
            assertEquals(ClaimStatus.UNVERIFIED, result.get(usDispute).status());
            assertEquals(ClaimStatus.CONTESTED, result.get(strikes).status());
        }
    }

    @Nested
    class Flags {

        @Test
        void shouldFlagWidelyContestedWhenTwoDisputantsAreIndependentOfEachOther() {
            long strikes = thread.claim(RUSSIA);
            thread.disputes(US, strikes);
            thread.disputes(IRAN, strikes);

            Assessment russia = thread.evaluate().get(strikes);

            assertEquals(Set.of(Flag.WIDELY_CONTESTED), russia.flags().keySet());
            var reason = russia.flags().get(Flag.WIDELY_CONTESTED);
            assertEquals("Claim disputed by two actors independent of each other is WIDELY_CONTESTED", reason.rule());
            assertEquals("Disputed by United States (claim #2) and Iran (claim #3). "
                    + "United States and Iran share no bloc, so they are independent of each other.", reason.explanation());
        }

        @Test
        void shouldNotFlagWidelyContestedWhenTheSecondDisputeIsRetracted() {
            long strikes = thread.claim(RUSSIA);
            thread.disputes(US, strikes);
            long iranDispute = thread.disputes(IRAN, strikes);
            thread.retracts(IRAN, iranDispute);

            assertFalse(thread.evaluate().get(strikes).flags().containsKey(Flag.WIDELY_CONTESTED));
        }

        @Test
        void shouldFlagSelfDisputedWhenTheClaimantDisputesWithoutRetracting() {
            long strikes = thread.claim(RUSSIA);
            long selfDispute = thread.disputes(RUSSIA, strikes);

            Assessment russia = thread.evaluate().get(strikes);

            assertEquals(ClaimStatus.UNVERIFIED, russia.status(), "one's own dispute is not independent");
            assertEquals(Set.of(Flag.SELF_DISPUTED), russia.flags().keySet());
            assertEquals("Russia disputes its own claim in claim #" + selfDispute + " without retracting it.",
                    russia.flags().get(Flag.SELF_DISPUTED).explanation());
        }

        @Test
        void shouldNotFlagSelfDisputedOnceTheClaimantRetracts() {
            long strikes = thread.claim(RUSSIA);
            thread.disputes(RUSSIA, strikes);
            thread.retracts(RUSSIA, strikes);

            Assessment russia = thread.evaluate().get(strikes);

            assertEquals(ClaimStatus.RETRACTED, russia.status());
            assertTrue(russia.flags().isEmpty());
        }
    }
}
