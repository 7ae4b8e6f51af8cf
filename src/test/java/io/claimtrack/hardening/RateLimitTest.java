package io.claimtrack.hardening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.claimtrack.user.Roles;
import io.claimtrack.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Writes beyond the per-user rate get 429 with Retry-After; other users are not affected. */
@QuarkusTest
@TestProfile(RateLimitTest.ThreeWritesAMinute.class)
class RateLimitTest {

    public static class ThreeWritesAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claimtrack.rate-limit.writes-per-minute", "3");
        }
    }

    @Test
    void shouldAnswer429WithRetryAfterBeyondTheRate() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        TestUsers.ensure("rate-a", Roles.SUBMITTER);
        TestUsers.ensure("rate-b", Roles.SUBMITTER);
        for (int i = 0; i < 3; i++) {
            actor("rate-a").then().statusCode(201);
        }

        actor("rate-a").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("\\d+"));
        actor("rate-b").then().statusCode(201);
    }

    private static io.restassured.response.Response actor(String user) {
        return given().auth().preemptive().basic(user, TestUsers.PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("name", "Rate " + UUID.randomUUID(), "kind", "NGO")).when().post("/api/actors");
    }
}
