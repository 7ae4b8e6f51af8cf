package io.claimtrack.user;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/** With claimtrack.reads.policy=viewer, reading needs a signed-in user. */
@QuarkusTest
@TestProfile(ClosedReadsTest.ClosedReads.class)
class ClosedReadsTest {

    public static class ClosedReads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claimtrack.reads.policy", "viewer");
        }
    }

    @BeforeEach
    void anonymous() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    @Test
    void shouldRequireAViewerToRead() {
        given().when().get("/api/claims").then().statusCode(401);
        given().when().get("/api/stats").then().statusCode(401);
        given().when().get("/api/actors").then().statusCode(401);

        TestUsers.ensure("closed-viewer", Roles.VIEWER);
        given().auth().preemptive().basic("closed-viewer", TestUsers.PASSWORD).when().get("/api/claims").then().statusCode(200);
        given().auth().preemptive().basic("closed-viewer", TestUsers.PASSWORD).when().get("/api/stats").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
