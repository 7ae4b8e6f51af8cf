package io.claimtrack.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.testing.TestUsers;
import io.claimtrack.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A GET changes nothing: viewing a draft's page runs no validation, scenarios or preview and writes no
 * audit row; checking is an action, stored and shown until the next.
 */
@QuarkusTest
class RulesPagesTest {

    private static final String BROKEN = "package io.claimtrack.policy;\nimport io.claimtrack.facts.*;\n\n"
            + "rule \"broken\"\nwhen\n    $c : Claim( id == )\nthen\nend\n";

    @BeforeEach
    void signIn() {
        TestUsers.signInAsDesk();
    }

    @Test
    void theOutlineListsTheStatusRowsInTheirOrderInTheApiAndOnItsPage() {
        int active = Api.activeRulesetVersion();
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        List<Integer> precedences = given().when().get("/api/rulesets/" + active + "/outline").then().statusCode(200)
                .body("statuses[0].status", org.hamcrest.Matchers.equalTo("RETRACTED"))
                .body("statuses[0].looksAt", org.hamcrest.Matchers.hasSize(2))
                .body("flags.flag", org.hamcrest.Matchers.hasItem("STALE"))
                .extract().jsonPath().getList("statuses.precedence");
        assertEquals(precedences.stream().sorted().toList(), precedences, "in precedence order");
        String page = given().when().get("/rules/" + active + "/outline").then().statusCode(200).extract().asString();
        int at = -1;
        for (String status : List.of("RETRACTED", "the verdict's own", "REFUTED", "CONTESTED", "CONFIRMED", "CORROBORATED", "UNVERIFIED")) {
            int next = page.indexOf(status, at + 1);
            assertTrue(next > at, status + " after the rows above it in the page's table");
            at = next;
        }
        given().when().get("/api/rulesets/999999/outline").then().statusCode(404);
    }

    @Test
    void aVersionsPageIsReadWhereItsApiIsAndItsFormsAreTheAnalysts() {
        int active = Api.activeRulesetVersion();
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        given().when().get("/api/rulesets/" + active).then().statusCode(200);
        String page = given().redirects().follow(false).when().get("/rules/" + active).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("Ruleset v" + active), "the version's page, read as the API is");
        assertTrue(!page.contains("action=\"/rules/" + active + "/check\"") && !page.contains("/activate\""),
                "no analyst's form for a reader");
    }

    @Test
    void shouldShowADraftWithoutCheckingItAndCheckOnlyWhenAsked() {
        int active = Api.activeRulesetVersion();
        int draft = given().contentType(ContentType.JSON)
                .body(Map.of("note", "viewed, not checked", "basedOn", active, "files", Map.of("status.drl", BROKEN)))
                .when().post("/api/rulesets").then().statusCode(201).extract().jsonPath().getInt("version");
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        Map<String, String> session = given().contentType(ContentType.URLENC).redirects().follow(false)
                .formParams("j_username", TestUsers.DESK, "j_password", TestUsers.PASSWORD)
                .when().post("/j_security_check").then().statusCode(302).extract().cookies();

        for (int view = 0; view < 3; view++) {
            given().cookies(session).when().get("/rules/" + draft).then().statusCode(200)
                    .body(containsString("Not checked yet"), not(containsString("problems; each is shown")));
        }
        assertEquals(0, validationFailures(draft), "viewing ran no validation");

        Response page = given().cookies(session).when().get("/rules/" + draft).then().extract().response();
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
        assertTrue(token.find(), "the check form carries a token");
        given().cookies(session).cookies(page.getCookies()).contentType(ContentType.URLENC)
                .formParam("csrf-token", token.group(1)).redirects().follow(false)
                .when().post("/rules/" + draft + "/check").then().statusCode(303);

        for (int view = 0; view < 2; view++) {
            given().cookies(session).when().get("/rules/" + draft).then().statusCode(200)
                    .body(containsString("problems; each is shown at its line"), containsString("id=\"problem-status.drl-6\""),
                            containsString("Checked <time datetime="));
        }
        assertEquals(1, validationFailures(draft), "the check, and only the check, audited the failure");
    }

    @Test
    void shouldStoreAndShowACheckWhoseRulesNeverSettle() {
        String loop = "package io.claimtrack.policy;\nimport io.claimtrack.facts.*;\n\n"
                + "rule \"A status that takes itself back\"\nwhen\n    $c : Claim()\n"
                + "    not FlagRaised( claim == $c, flag == Flag.STALE )\nthen\n"
                + "    insertLogical( new FlagRaised( $c, Flag.STALE, drools.getRule().getName(), \"on\" ) );\nend\n\n"
                + "rule \"A flag that takes itself back\"\nwhen\n    $f : FlagRaised( flag == Flag.STALE )\nthen\n"
                + "    insertLogical( new StatusCandidate( $f.getClaim(), ClaimStatus.UNVERIFIED, 1, \"x\", \"\" + $f.getExplanation() ) );\nend\n";
        int draft = Api.draft(Api.activeRulesetVersion(), Map.of("loop.drl", loop), "never settles");
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        Map<String, String> session = checkOnItsPage(draft);

        given().cookies(session).when().get("/rules/" + draft).then().statusCode(200)
                .body(containsString("id=\"stopped\""), containsString("does not settle"));
    }

    @Test
    void aCheckedVersionsOutlineNamesTheScenariosThatExerciseEachRow() {
        String comment = "package io.claimtrack.policy;\n// a draft the same as its base, to check\n";
        int draft = Api.draft(Api.activeRulesetVersion(), Map.of("note.drl", comment), "checked for its outline");
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        given().when().get("/api/rulesets/" + draft + "/outline").then().statusCode(200)
                .body("statuses[0].exercisedBy", org.hamcrest.Matchers.nullValue());
        checkOnItsPage(draft);

        List<String> contested = given().when().get("/api/rulesets/" + draft + "/outline").then().statusCode(200)
                .extract().jsonPath().getList("statuses.find { it.status == 'CONTESTED' }.exercisedBy");
        assertTrue(contested.contains("The seed article: Russia's claim is contested, not widely"), contested.toString());
        given().when().get("/rules/" + draft + "/outline").then().statusCode(200)
                .body(containsString("The seed article: Russia&#39;s claim is contested, not widely"));
    }

    /** Signs the desk in through the form and checks the version with its page's form, as an analyst does. @return the session */
    private static Map<String, String> checkOnItsPage(int version) {
        Map<String, String> session = given().contentType(ContentType.URLENC).redirects().follow(false)
                .formParams("j_username", TestUsers.DESK, "j_password", TestUsers.PASSWORD)
                .when().post("/j_security_check").then().statusCode(302).extract().cookies();
        Response page = given().cookies(session).when().get("/rules/" + version).then().extract().response();
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
        assertTrue(token.find());
        given().cookies(session).cookies(page.getCookies()).contentType(ContentType.URLENC)
                .formParam("csrf-token", token.group(1)).redirects().follow(false)
                .when().post("/rules/" + version + "/check").then().statusCode(303);
        return session;
    }

    private static long validationFailures(int version) {
        return given().auth().preemptive().basic(TestUsers.DESK, TestUsers.PASSWORD).when().get("/api/rulesets/audit")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.version == " + version
                        + " && it.action == 'VALIDATION_FAILED' }").size();
    }
}
