package io.claimtrack.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.time.MovableClock;
import io.claimtrack.testing.Api;
import io.claimtrack.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The submit form is signed in with a session cookie, so it must carry the CSRF token to be accepted. */
@QuarkusTest
class CsrfTest {

    @Inject
    MovableClock clock;

    @BeforeEach
    void users() {
        TestUsers.signInAsDesk(); // makes sure the desk user exists
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    @Test
    void shouldRejectTheFormWithoutItsTokenAndAcceptItWithIt() {
        Map<String, String> session = given().contentType(ContentType.URLENC).redirects().follow(false)
                .formParams("j_username", TestUsers.DESK, "j_password", TestUsers.PASSWORD)
                .when().post("/j_security_check").then().statusCode(302).extract().cookies();
        Response form = given().cookies(session).when().get("/claims/new").then().statusCode(200)
                .cookie("csrf-token").extract().response();
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(form.asString());
        assertTrue(token.find(), "the form carries a token");
        String text = "csrf " + UUID.randomUUID();
        Map<String, String> fields = Map.of("text", text, "claimant", "Russia",
                "assertedAt", clock.instant().minus(Duration.ofHours(1)).toString());

        int forged = given().cookies(session).cookies(form.getCookies()).contentType(ContentType.URLENC)
                .formParams(fields).redirects().follow(false)
                .when().post("/claims/new").then().extract().statusCode();
        assertEquals(400, forged, "no token: rejected");
        given().queryParam("q", text).when().get("/api/claims").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));

        given().cookies(session).cookies(form.getCookies()).contentType(ContentType.URLENC)
                .formParams(fields).formParam("csrf-token", token.group(1)).redirects().follow(false)
                .when().post("/claims/new").then().statusCode(303);
        given().queryParam("q", text).when().get("/api/claims").then().body("total", org.hamcrest.Matchers.equalTo(1),
                "items[0].recordedBy", org.hamcrest.Matchers.equalTo(TestUsers.DESK));
    }

    @Test
    void shouldTakeAClaimAsLongAsTheApiDoesThroughTheForm() {
        Map<String, String> session = signIn(TestUsers.DESK);
        Response form = given().cookies(session).when().get("/claims/new").then().statusCode(200).extract().response();
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(form.asString());
        assertTrue(token.find());
        String text = "long " + UUID.randomUUID() + " " + "word ".repeat(1_900); // about 9,500 characters

        given().cookies(session).cookies(form.getCookies()).contentType(ContentType.URLENC)
                .formParams("text", text, "claimant", "Russia", "csrf-token", token.group(1),
                        "assertedAt", clock.instant().minus(Duration.ofHours(1)).toString())
                .redirects().follow(false).when().post("/claims/new").then().statusCode(303);
        given().queryParam("q", text.substring(0, 41)).when().get("/api/claims").then()
                .body("total", org.hamcrest.Matchers.equalTo(1), "items[0].text", org.hamcrest.Matchers.equalTo(text.strip()));
    }

    @Test
    void shouldRefuseATokenAndCookieTakenFromAnotherSession() {
        TestUsers.ensure("csrf-other", io.claimtrack.user.Roles.SUBMITTER);
        Map<String, String> mine = signIn(TestUsers.DESK);
        Response theirForm = given().cookies(signIn("csrf-other")).when().get("/claims/new").then().statusCode(200)
                .extract().response();
        Matcher theirToken = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(theirForm.asString());
        assertTrue(theirToken.find());
        String text = "planted " + UUID.randomUUID();

        int planted = given().cookies(mine).cookies(theirForm.getCookies()).contentType(ContentType.URLENC)
                .formParams("text", text, "claimant", "Russia", "csrf-token", theirToken.group(1),
                        "assertedAt", clock.instant().minus(Duration.ofHours(1)).toString())
                .redirects().follow(false).when().post("/claims/new").then().extract().statusCode();

        assertEquals(400, planted, "another session's token and cookie are refused");
        given().queryParam("q", text).when().get("/api/claims").then().body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void shouldRefuseASignInPostedFromAnotherSite() {
        for (String origin : List.of("https://evil.example", "null")) {
            given().header("Origin", origin).contentType(ContentType.URLENC).redirects().follow(false)
                    .formParams("j_username", TestUsers.DESK, "j_password", TestUsers.PASSWORD)
                    .when().post("/j_security_check").then().statusCode(403).header("Set-Cookie", org.hamcrest.Matchers.nullValue());
        }
        given().header("Referer", "https://evil.example/login").contentType(ContentType.URLENC).redirects().follow(false)
                .formParams("j_username", TestUsers.DESK, "j_password", TestUsers.PASSWORD)
                .when().post("/j_security_check").then().statusCode(403);
        String own = RestAssured.baseURI + ":" + RestAssured.port;
        given().header("Origin", own).contentType(ContentType.URLENC).redirects().follow(false)
                .formParams("j_username", TestUsers.DESK, "j_password", TestUsers.PASSWORD)
                .when().post("/j_security_check").then().statusCode(302);
    }

    @Test
    void shouldNeverBuildALocationFromTheHostHeader() {
        String location = given().header("Host", "evil.example").contentType(ContentType.URLENC).redirects().follow(false)
                .formParams("j_username", TestUsers.DESK, "j_password", TestUsers.PASSWORD)
                .when().post("/j_security_check").then().statusCode(302).extract().header("Location");
        assertTrue(location.startsWith("/"), location);
        String created = given().header("Host", "evil.example").auth().preemptive().basic(TestUsers.DESK, TestUsers.PASSWORD)
                .contentType(ContentType.JSON).body(Map.of("name", "Host " + UUID.randomUUID(), "kind", "NGO"))
                .when().post("/api/actors").then().statusCode(201).extract().header("Location");
        assertTrue(created.startsWith("/api/actors/"), created);
    }

    /** A signed-in user without the role a panel's form needs gets 403 and the page saying why; nothing changes. */
    @Test
    void shouldRefuseAReviewStepFromAPageToAUserWhoIsNotAnEditor() {
        TestUsers.signInAsDesk();
        long claim = Api.submit(Api.unique("Form role"), clock.instant().minus(Duration.ofHours(1)).toString());
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        Map<String, String> session = signIn(TestUsers.DESK); // SUBMITTER and ANALYST, not EDITOR
        Response form = given().cookies(session).when().get("/claims/new").then().statusCode(200).extract().response();
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(form.asString());
        assertTrue(token.find());

        String page = given().cookies(session).cookies(form.getCookies()).contentType(ContentType.URLENC)
                .formParams("assignee", TestUsers.DESK, "csrf-token", token.group(1)).redirects().follow(false)
                .when().post("/claims/" + claim + "/review/assign").then().statusCode(403).extract().asString();
        assertTrue(page.contains("Not done: Your roles do not allow this (EDITOR needed)"), page);
        given().when().get("/api/claims/" + claim + "/review").then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("UNASSIGNED"));
    }

    private static Map<String, String> signIn(String user) {
        return given().contentType(ContentType.URLENC).redirects().follow(false)
                .formParams("j_username", user, "j_password", TestUsers.PASSWORD)
                .when().post("/j_security_check").then().statusCode(302).extract().cookies();
    }

    @Test
    void shouldRefuseTheSessionCookieOnTheApi() {
        Map<String, String> session = given().contentType(ContentType.URLENC).redirects().follow(false)
                .formParams("j_username", TestUsers.DESK, "j_password", TestUsers.PASSWORD)
                .when().post("/j_security_check").then().statusCode(302).extract().cookies();
        String text = "cookie " + UUID.randomUUID();
        Map<String, Object> claim = Map.of("text", text, "claimant", "Russia",
                "assertedAt", clock.instant().minus(Duration.ofHours(1)).toString());

        given().cookies(session).contentType(ContentType.JSON).body(claim)
                .when().post("/api/claims").then().statusCode(401);
        given().cookies(session).contentType(ContentType.JSON).body(Map.of("roles", java.util.List.of("ADMIN")))
                .when().put("/api/users/" + TestUsers.DESK + "/roles").then().statusCode(401);
        given().queryParam("q", text).when().get("/api/claims").then().body("total", org.hamcrest.Matchers.equalTo(0));
        given().cookies(session).when().get("/claims/new").then().statusCode(200); // the pages still take it
        given().auth().preemptive().basic(TestUsers.DESK, TestUsers.PASSWORD).contentType(ContentType.JSON).body(claim)
                .when().post("/api/claims").then().statusCode(201);
    }
}
