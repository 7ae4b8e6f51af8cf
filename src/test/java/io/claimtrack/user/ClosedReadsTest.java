package io.claimtrack.user;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.claimtrack.testing.TestUsers;

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

    @Test
    void shouldCloseThePagesAndTheLiveStreamToo() {
        for (String page : List.of("/", "/claims", "/claims/1", "/actors", "/actors/1", "/rules", "/events")) {
            int status = given().redirects().follow(false).when().get(page).then().extract().statusCode();
            assertTrue(status == 401 || status == 302, page + " answered " + status + " to an anonymous reader");
        }
        TestUsers.ensure("closed-viewer", Roles.VIEWER);
        given().auth().preemptive().basic("closed-viewer", TestUsers.PASSWORD).when().get("/claims").then().statusCode(200);
    }
}
