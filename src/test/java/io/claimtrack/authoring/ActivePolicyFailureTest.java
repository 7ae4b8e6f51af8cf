package io.claimtrack.authoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.time.MovableClock;
import io.claimtrack.testing.TestUsers;
import io.claimtrack.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * When the active policy itself cannot evaluate a submission (here: a rule that gives a claim a second status,
 * but only for one topic, so it passed its scenarios and was activated), the submitter is not at fault: 503,
 * not 422, and nothing of the submission is kept.
 */
@QuarkusTest
class ActivePolicyFailureTest {

    private static final String TWO_STATUSES_FOR_ONE_TOPIC = """
            package io.claimtrack.policy;

            import io.claimtrack.facts.*;

            rule "A first-ranked candidate, for one topic"
            when
                $c : Claim( topic == "loop trigger" )
            then
                insertLogical( new StatusCandidate( $c, ClaimStatus.CONFIRMED, 5, drools.getRule().getName(), "first" ) );
            end

            rule "A second status of its own, for one topic"
            when
                $c : Claim( topic == "loop trigger" )
            then
                insertLogical( new Status( $c, ClaimStatus.REFUTED, drools.getRule().getName(), "second" ) );
            end
            """;

    @Inject
    MovableClock clock;

    @BeforeEach
    void signIn() {
        TestUsers.signInAsDesk();
    }

    @Test
    void shouldAnswer503AndKeepNothingWhenTheActivePolicyCannotEvaluate() {
        int baseline = Api.activeRulesetVersion();
        int draft = Api.draft(baseline, Map.of("second-status.drl", TWO_STATUSES_FOR_ONE_TOPIC), null);
        given().contentType(ContentType.JSON).body(Map.of()).when().post("/api/rulesets/" + draft + "/activate")
                .then().statusCode(200);
        try {
            long claims = given().when().get("/api/stats").then().extract().jsonPath().getLong("total");

            given().contentType(ContentType.JSON)
                    .body(Map.of("text", "this one loops", "claimant", "Russia", "topic", "loop trigger",
                            "assertedAt", clock.instant().minusSeconds(3600).toString()))
                    .when().post("/api/claims")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("detail", containsString("active policy"), "detail", containsString("two statuses"));

            assertEquals(claims, given().when().get("/api/stats").then().extract().jsonPath().getLong("total"));
        } finally {
            given().contentType(ContentType.JSON).body(Map.of()).when().post("/api/rulesets/" + baseline + "/activate")
                    .then().statusCode(200);
        }
    }
}
