package io.claimtrack.evaluation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.testing.Api;
import io.claimtrack.testing.TestUsers;
import io.claimtrack.time.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * An analyst's ruleset whose conclusion depends on the order facts arrive in (two rules that each block
 * the other, the later one ranked higher by salience): warm, a claim seen undisputed keeps what it got
 * first; afresh, the higher-ranked rule wins. The spot check (here on every warm evaluation) catches it:
 * the fresh conclusion is recorded, and the ruleset is not trusted warm again.
 */
@QuarkusTest
@TestProfile(OrderDependentRulesetTest.CheckedEveryTime.class)
class OrderDependentRulesetTest {

    public static class CheckedEveryTime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claimtrack.evaluation.warm-threads.check-every", "1");
        }
    }

    private static final String ORDER_DEPENDENT = """
            package io.claimtrack.policy;

            import io.claimtrack.facts.*;

            rule "A claim on the topic odd, seen first with nothing against it, is CONFIRMED"
            when
                $c : Claim( topic == "odd" )
                not StatusCandidate( claim == $c, precedence == 2 )
            then
                insertLogical( new StatusCandidate( $c, ClaimStatus.CONFIRMED, 1, drools.getRule().getName(), "seen first" ) );
            end

            rule "A claim on the topic odd, disputed, is REFUTED unless it was CONFIRMED first"
            salience 10
            when
                $c : Claim( topic == "odd" )
                exists CountedDispute( target == $c )
                not StatusCandidate( claim == $c, precedence == 1 )
            then
                insertLogical( new StatusCandidate( $c, ClaimStatus.REFUTED, 2, drools.getRule().getName(), "disputed" ) );
            end
            """;

    @Inject
    WarmThreads warmThreads;
    @Inject
    MovableClock clock;

    @BeforeEach
    void signIn() {
        TestUsers.signInAsDesk();
    }

    @Test
    void shouldRecordTheFreshConclusionAndStopTrustingTheRulesetWarm() {
        int baseline = Api.activeRulesetVersion();
        int draft = Api.draft(baseline, Map.of("order.drl", ORDER_DEPENDENT), "depends on the order facts arrive in");
        given().contentType(ContentType.JSON).body(Map.of()).when().post("/api/rulesets/" + draft + "/activate")
                .then().statusCode(200);
        try {
            String said = clock.instant().minus(Duration.ofHours(1)).toString();
            Map<String, Object> odd = Api.claim(Api.actor(Api.unique("Odd"), "STATE", Api.unique("bloc")), "odd one", said);
            odd.put("topic", "odd");
            long root = Api.submit(odd);
            for (int i = 0; i < 8; i++) { // evaluated afresh with 8 claims, then with 9: warm from then on
                Api.relate(Api.actor(Api.unique("Supporter"), "STATE", Api.unique("bloc")), "supports", root, said);
            }
            assertEquals("CONFIRMED", status(root, null), "seen first with nothing against it");
            long distrustedBefore = warmThreads.stats().distrustedRulesets();

            Api.relate(Api.actor(Api.unique("Disputant"), "MEDIA"), "disputes", root, said);

            assertEquals("REFUTED", status(root, clock.instant().toString()), "afresh, the higher-ranked rule wins");
            assertEquals("REFUTED", status(root, null), "what is recorded is the fresh conclusion");
            assertEquals(distrustedBefore + 1, warmThreads.stats().distrustedRulesets());
            long takenBefore = warmThreads.stats().taken();
            Api.relate(Api.actor(Api.unique("Disputant"), "MEDIA"), "disputes", root, said);
            assertEquals(takenBefore, warmThreads.stats().taken(), "no thread is warm under that ruleset any more");
            assertEquals("REFUTED", status(root, null));
        } finally {
            given().contentType(ContentType.JSON).body(Map.of()).when().post("/api/rulesets/" + baseline + "/activate")
                    .then().statusCode(200);
        }
    }

    private static String status(long claim, String asOf) {
        var request = given();
        if (asOf != null) {
            request.queryParam("asOf", asOf);
        }
        return request.when().get("/api/claims/" + claim).then().statusCode(200).extract().jsonPath().getString("status");
    }
}
