package io.claimtrack.authoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.testing.Api;
import io.claimtrack.testing.TestUsers;
import io.claimtrack.time.MovableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Another instance on the same database activates a version: this one must not evaluate under the one
 * it has in memory. The activation is made in the database alone here, as another process would.
 */
@QuarkusTest
class ActivatedElsewhereTest {

    @Inject
    MovableClock clock;

    @BeforeEach
    void signIn() {
        TestUsers.signInAsDesk();
    }

    @Test
    void shouldEvaluateUnderTheVersionTheDatabaseSaysIsActive() {
        int before = Api.activeRulesetVersion();
        int elsewhere = Api.draft(before, Map.of(), "activated by another instance");
        try {
            switchInTheDatabase(before, elsewhere);

            long claim = Api.submit(Api.unique("Elsewhere"), clock.instant().minus(Duration.ofHours(1)).toString());

            given().when().get("/api/claims/" + claim).then().statusCode(200)
                    .body("reason.rulesetVersion", equalTo(elsewhere));
        } finally {
            given().contentType(ContentType.JSON).body(Map.of()).when().post("/api/rulesets/" + before + "/activate")
                    .then().statusCode(200);
        }
        given().when().get("/api/rulesets/active").then().body("version", equalTo(before));
    }

    /** What an activation on another instance leaves in the database: nothing in this instance's memory. */
    private static void switchInTheDatabase(int from, int to) {
        QuarkusTransaction.requiringNew().run(() -> {
            RulesetEntity active = RulesetEntity.findById(from);
            active.state = RulesetState.RETIRED;
            active.flush();
            RulesetEntity next = RulesetEntity.findById(to);
            next.state = RulesetState.ACTIVE;
            next.activatedAt = java.time.Instant.now();
        });
    }
}
