package io.claimtrack.hardening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class LimitsTest {

    @BeforeEach
    void signIn() {
        TestUsers.signInAsDesk();
    }

    @Test
    void shouldRefuseAnOversizedClaimWith413AndStoreNothing() {
        long before = given().when().get("/api/stats").then().extract().jsonPath().getLong("total");

        given().contentType(ContentType.JSON)
                .body(Map.of("text", "t", "claimant", "Verbose", "assertedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                        "quote", "q".repeat(70_000)))
                .when().post("/api/claims")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));

        assertEquals(before, given().when().get("/api/stats").then().extract().jsonPath().getLong("total"));
    }

    @Test
    void shouldSendSecurityHeaders() {
        given().when().get("/api/claims")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin")
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"));
    }
}
