package io.claimtrack.hardening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.user.Roles;
import io.claimtrack.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Failed sign-ins are limited per user and per address, over HTTP Basic and through the sign-in form;
 * writes through the pages' forms count against the same write rate as the API's.
 */
@QuarkusTest
@TestProfile(SignInLimitsTest.FewAttempts.class)
class SignInLimitsTest {

    public static class FewAttempts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claimtrack.rate-limit.failed-sign-ins-per-user", "3",
                    "claimtrack.rate-limit.failed-sign-ins-per-address", "6",
                    "claimtrack.rate-limit.writes-per-minute", "3");
        }
    }

    @BeforeEach
    void anonymous() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    @Test
    void shouldLimitFormWritesThenSignInsOfAUserThenOfAnAddress() {
        TestUsers.ensure("former", Roles.SUBMITTER);
        Map<String, String> session = signIn("former", TestUsers.PASSWORD).then().statusCode(302).extract().cookies();
        Response form = given().cookies(session).when().get("/claims/new").then().statusCode(200).extract().response();
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(form.asString());
        assertTrue(token.find(), "the form carries a token");
        for (int i = 0; i <= 3; i++) {
            Response posted = given().cookies(session).cookies(form.getCookies()).contentType(ContentType.URLENC)
                    .formParams("text", "form write " + UUID.randomUUID(), "claimant", "Russia",
                            "assertedAt", "2015-10-01T00:00:00Z", "csrf-token", token.group(1))
                    .redirects().follow(false).when().post("/claims/new").then().extract().response();
            assertEquals(i < 3 ? 303 : 429, posted.statusCode(), "form write " + (i + 1) + ": " + posted.asString());
        }

        TestUsers.ensure("guessed", Roles.SUBMITTER);
        TestUsers.ensure("bystander", Roles.SUBMITTER);
        for (int i = 0; i < 3; i++) {
            actor("guessed", "wrong password " + i).then().statusCode(401);
        }

        actor("guessed", TestUsers.PASSWORD).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("\\d+"));
        actor("bystander", TestUsers.PASSWORD).then().statusCode(201);

        // Three more failures through the form use up the address's six.
        for (int i = 0; i < 3; i++) {
            int failed = signIn("nobody-" + UUID.randomUUID(), "wrong").statusCode();
            assertTrue(failed == 302 || failed == 401, "a failed form sign-in is refused, not limited yet: " + failed);
        }
        Response refused = signIn("bystander", TestUsers.PASSWORD);
        assertEquals(429, refused.statusCode(), refused.asString());
        assertTrue(refused.header("Retry-After").matches("\\d+"), refused.headers().toString());
    }

    private static Response actor(String user, String password) {
        return given().auth().preemptive().basic(user, password).contentType(ContentType.JSON)
                .body(Map.of("name", "Limits " + UUID.randomUUID(), "kind", "NGO")).when().post("/api/actors");
    }

    private static Response signIn(String user, String password) {
        return given().contentType(ContentType.URLENC).redirects().follow(false)
                .formParams("j_username", user, "j_password", password)
                .when().post("/j_security_check").then().extract().response();
    }
}
