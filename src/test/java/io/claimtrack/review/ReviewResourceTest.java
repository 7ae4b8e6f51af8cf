package io.claimtrack.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.testing.Api;
import io.claimtrack.testing.TestUsers;
import io.claimtrack.time.MovableClock;
import io.claimtrack.user.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The desk's review workflow through the API: every step, allowed and refused, with roles, history and knownAt. */
@QuarkusTest
class ReviewResourceTest {

    private static final String EDITOR = "editor-one";
    private static final String SECOND = "editor-two";

    @Inject
    MovableClock clock;

    private long claim;

    @BeforeEach
    void aClaim() {
        TestUsers.ensure(EDITOR, Roles.EDITOR);
        TestUsers.ensure(SECOND, Roles.EDITOR, Roles.VIEWER);
        TestUsers.signInAsDesk();
        claim = Api.submit(Api.unique("Reviewed actor"), clock.instant().minus(Duration.ofHours(1)).toString());
    }

    /** The demo shows the three axes on the seed article: standing, evidence from the article, a review in progress. */
    @Test
    void theDemosRussianClaimHasItsStandingItsEvidenceAndAReviewInProgress() {
        long russia = given().queryParam("claimant", "Russia").queryParam("q", "air strikes against Islamic State")
                .when().get("/api/claims").then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        given().when().get("/api/claims/" + russia).then().statusCode(200)
                .body("status", equalTo("CONTESTED"), "review.state", equalTo("ASSIGNED"),
                        "review.assignee", equalTo(TestUsers.ADMIN), "evidence[0].publisher", equalTo("The Moscow Times"));
        given().when().get("/api/claims/" + russia + "/history").then().statusCode(200)
                .body("find { it.kind == 'REVIEW' }.cause",
                        equalTo("review of claim #" + russia + ": demo data assigned the review to " + TestUsers.ADMIN));
    }

    @Test
    void anUntouchedClaimIsUnassignedAndItsStandingSaysWhatItIs() {
        given().when().get("/api/claims/" + claim + "/review").then().statusCode(200)
                .body("state", equalTo("UNASSIGNED"), "steps", empty(), "next", contains("assign"),
                        "label", equalTo("not reviewed by the desk"), "rating", nullValue());
        given().when().get("/api/claims/" + claim).then().statusCode(200)
                .body("status", equalTo("UNVERIFIED"),
                        "standing", startsWith("dispute standing UNVERIFIED, derived by rule \"Claim no independent"),
                        "review.state", equalTo("UNASSIGNED"), "review.label", equalTo("not reviewed by the desk"));
    }

    @Test
    void aClaimGoesFromAssignmentToAPublishedCorrectedReviewByTwoEditors() {
        step(EDITOR, "assign", Map.of("assignee", "EDITOR-ONE")).statusCode(200)
                .body("state", equalTo("ASSIGNED"), "assignee", equalTo(EDITOR), "next", contains("assign", "start"));
        step(EDITOR, "start", null).statusCode(200).body("state", equalTo("IN_REVIEW"));
        step(EDITOR, "rate", Map.of("rating", "false", "summary", "No strike hit the group named."))
                .statusCode(200)
                .body("state", equalTo("READY"), "rating.name", equalTo("FALSE"), "rating.alternateName", equalTo("False"),
                        "rating.ratingValue", equalTo(1), "rating.bestRating", equalTo(5), "rating.worstRating", equalTo(1),
                        "ratedBy", equalTo(EDITOR), "label", startsWith("rated FALSE by editor-one, ready to publish"));

        // The editor who rated may not publish: a second editor does.
        step(EDITOR, "publish", Map.of("url", "https://desk.example/checks/1")).statusCode(409)
                .body("detail", containsString("a second editor is required"));
        clock.advance(Duration.ofSeconds(5));
        step(SECOND, "publish", Map.of("url", "https://desk.example/checks/1")).statusCode(200)
                .body("state", equalTo("PUBLISHED"), "publishedBy", equalTo(SECOND),
                        "url", equalTo("https://desk.example/checks/1"),
                        "label", startsWith("rated FALSE by the desk on "), "next", contains("correct", "unpublish"));
        Instant published = clock.instant();
        given().when().get("/api/claims/" + claim).then().statusCode(200)
                .body("review.state", equalTo("PUBLISHED"), "review.rating", equalTo("FALSE"),
                        "review.ratingName", equalTo("False"), "status", equalTo("UNVERIFIED"));

        clock.advance(Duration.ofSeconds(5));
        step(SECOND, "correct", Map.of("rating", "MOSTLY_FALSE", "reason", "One strike did hit the group."))
                .statusCode(200)
                .body("state", equalTo("CORRECTED"), "rating.name", equalTo("MOSTLY_FALSE"), "ratedBy", equalTo(SECOND),
                        "steps", hasSize(5), "steps[4].reason", equalTo("One strike did hit the group."),
                        "steps[4].from", equalTo("PUBLISHED"), "steps[3].rating", equalTo("FALSE"));

        // As known between publishing and the correction: the published FALSE, from the steps kept.
        given().queryParam("knownAt", published.toString()).when().get("/api/claims/" + claim + "/review")
                .then().statusCode(200)
                .body("state", equalTo("PUBLISHED"), "rating.name", equalTo("FALSE"), "steps", hasSize(4),
                        "knownAt", equalTo(published.toString()));
        given().queryParam("knownAt", published.toString()).when().get("/api/claims/" + claim)
                .then().statusCode(200).body("review.state", equalTo("PUBLISHED"), "review.rating", equalTo("FALSE"));

        // Every step is in the claim's history (system time), beside the standing's changes.
        given().when().get("/api/claims/" + claim + "/history").then().statusCode(200)
                .body("findAll { it.kind == 'REVIEW' }.review.action",
                        contains("assign", "start", "rate", "publish", "correct"),
                        "findAll { it.kind == 'REVIEW' }.review.by", contains(EDITOR, EDITOR, EDITOR, SECOND, SECOND),
                        "find { it.kind == 'STANDING' }.status", equalTo("UNVERIFIED"),
                        "find { it.kind == 'REVIEW' && it.review.action == 'correct' }.cause",
                        containsString("corrected the published review (MOSTLY_FALSE): One strike did hit the group."));

        step(EDITOR, "unpublish", Map.of("reason", "Withdrawn pending new evidence.")).statusCode(200)
                .body("state", equalTo("UNPUBLISHED"), "label", containsString("unpublished"), "next", contains("assign"));
    }

    @Test
    void stepsThatDoNotFitAreRefusedAndLeaveNoTrace() {
        // Roles: a desk member without EDITOR may read but not take a step.
        given().contentType(ContentType.JSON).body(Map.of("assignee", EDITOR))
                .when().post("/api/claims/" + claim + "/review/assign").then().statusCode(403);
        // State: nothing to start before it is assigned.
        step(EDITOR, "start", null).statusCode(409)
                .body("detail", containsString("a review UNASSIGNED cannot be taken to IN_REVIEW"),
                        "detail", containsString("the next steps are: assign"));
        // Fields: each step takes its own and says which.
        step(EDITOR, "assign", Map.of()).statusCode(400)
                .body("errors.field", hasItem("assignee"), "detail", containsString("assign takes assignee"));
        step(EDITOR, "assign", Map.of("assignee", EDITOR, "rating", "TRUE")).statusCode(400)
                .body("errors.find { it.field == 'rating' }.message", equalTo("is not taken by assign"));
        step(EDITOR, "assign", Map.of("assignee", "nobody-here")).statusCode(422)
                .body("errors[0].field", equalTo("assignee"), "detail", containsString("editors: "),
                        "detail", containsString(EDITOR));
        step(EDITOR, "assign", Map.of("assignee", TestUsers.DESK)).statusCode(422); // a user, but not an editor
        step(EDITOR, "assign", Map.of("assignee", EDITOR, "extra", "x")).statusCode(400);
        step(EDITOR, "assign", Map.of("assignee", "x".repeat(201))).statusCode(400);
        given().auth().preemptive().basic(EDITOR, TestUsers.PASSWORD).contentType(ContentType.JSON).body("{")
                .when().post("/api/claims/" + claim + "/review/assign").then().statusCode(400);
        step(EDITOR, "assign", Map.of("assignee", EDITOR)).statusCode(200);

        given().when().get("/api/claims/" + claim + "/review").then().statusCode(200)
                .body("steps", hasSize(1), "state", equalTo("ASSIGNED"));
        // Only the assignee starts and rates.
        step(SECOND, "start", null).statusCode(409).body("detail", containsString("only editor-one can start it"));
        step(EDITOR, "start", null).statusCode(200);
        step(EDITOR, "rate", Map.of("rating", "BANANA", "summary", "s")).statusCode(400)
                .body("errors[0].field", equalTo("rating"),
                        "errors[0].message", containsString("TRUE, MOSTLY_TRUE, MIXED, MOSTLY_FALSE, FALSE, UNPROVEN"));
        step(EDITOR, "rate", Map.of("rating", "TRUE")).statusCode(400).body("errors[0].field", equalTo("summary"));
        step(EDITOR, "rate", Map.of("rating", "TRUE", "summary", "ok", "url", "ftp://x")).statusCode(400);
        step(EDITOR, "publish", Map.of("url", "https://x.example")).statusCode(409);
        step(EDITOR, "correct", Map.of("reason", "r", "rating", "TRUE")).statusCode(409);
        step(EDITOR, "rate", Map.of("rating", "UNPROVEN", "summary", "Nobody can tell yet.")).statusCode(200)
                .body("rating.name", equalTo("UNPROVEN"), "rating.ratingValue", nullValue());
        step(SECOND, "publish", Map.of()).statusCode(400).body("errors[0].field", equalTo("url"));
        step(SECOND, "publish", Map.of("url", "https://desk.example/2")).statusCode(200);
        step(SECOND, "correct", Map.of("reason", "nothing changed", "rating", "UNPROVEN")).statusCode(400)
                .body("detail", containsString("changes none of them"));
        step(SECOND, "unpublish", Map.of()).statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().preemptive().basic(EDITOR, TestUsers.PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("assignee", EDITOR)).when().post("/api/claims/987654321/review/assign")
                .then().statusCode(404);

        given().when().get("/api/claims/" + claim + "/review").then().statusCode(200)
                .body("steps.action", contains("assign", "start", "rate", "publish"), "state", equalTo("PUBLISHED"));
    }

    /**
     * The rules see the review as a fact and may only advise: a REFUTED claim gets FALSE suggested, never set;
     * a published TRUE of a claim the standing turns against is flagged RATING_AT_ODDS, and the flag goes when
     * the review is unpublished.
     */
    @Test
    void theRulesSuggestARatingAndFlagAPublishedOneTheStandingTurnsAgainst() {
        String said = clock.instant().minus(Duration.ofMinutes(30)).toString();
        step(EDITOR, "assign", Map.of("assignee", EDITOR)).statusCode(200);
        step(EDITOR, "start", null).statusCode(200);
        step(EDITOR, "rate", Map.of("rating", "TRUE", "summary", "Checked against the ministry's list.")).statusCode(200);
        step(SECOND, "publish", Map.of("url", "https://desk.example/checks/3")).statusCode(200);
        given().when().get("/api/claims/" + claim).then().statusCode(200)
                .body("suggestedRating", nullValue(), "flags", empty());

        Api.relate(Api.actor(Api.unique("Wire"), "MEDIA"), "disputes", claim, said);
        Api.relate(Api.actor(Api.unique("Watchdog"), "NGO"), "disputes", claim, said);
        given().when().get("/api/claims/" + claim).then().statusCode(200)
                .body("status", equalTo("REFUTED"), "review.rating", equalTo("TRUE"),
                        "suggestedRating.rating", equalTo("FALSE"),
                        "suggestedRating.rule", equalTo("A REFUTED claim suggests the rating FALSE"),
                        "flags", contains("WIDELY_CONTESTED", "RATING_AT_ODDS"),
                        "flagReasons.find { it.flag == 'RATING_AT_ODDS' }.explanation",
                        equalTo("The desk published the rating TRUE, and the dispute standing is now REFUTED."));

        step(EDITOR, "unpublish", Map.of("reason", "Under review again.")).statusCode(200);
        given().when().get("/api/claims/" + claim).then().statusCode(200)
                .body("flags", contains("WIDELY_CONTESTED"), "suggestedRating.rating", equalTo("FALSE"),
                        "review.state", equalTo("UNPUBLISHED"));
        given().when().get("/api/claims/" + claim + "/history").then().statusCode(200)
                .body("findAll { it.kind == 'STANDING' }.flags.flatten()", hasItem("RATING_AT_ODDS"));
    }

    @Test
    void theClaimListFiltersByReviewAndTheStatsCountReviews() {
        step(EDITOR, "assign", Map.of("assignee", SECOND)).statusCode(200);
        step(SECOND, "start", null).statusCode(200);
        step(SECOND, "rate", Map.of("rating", "MIXED", "summary", "Half of it holds.")).statusCode(200);
        long publishedMixed = given().when().get("/api/stats").then().statusCode(200)
                .extract().jsonPath().getLong("byRating.MIXED");
        step(EDITOR, "publish", Map.of("url", "https://desk.example/checks/4")).statusCode(200);

        given().queryParam("review", "published").queryParam("assignee", "EDITOR-TWO").queryParam("rating", "mixed")
                .queryParam("size", 100).when().get("/api/claims").then().statusCode(200)
                .body("items.id", hasItem((int) claim), "items.find { it.id == " + claim + " }.review.rating",
                        equalTo("MIXED"));
        given().queryParam("review", "IN_REVIEW").queryParam("size", 100).when().get("/api/claims").then()
                .statusCode(200).body("items.id", not(hasItem((int) claim)));
        given().queryParam("review", "UNASSIGNED").queryParam("size", 100).when().get("/api/claims").then()
                .statusCode(200).body("items.id", not(hasItem((int) claim)), "items.review.state", everyItem(equalTo("UNASSIGNED")));
        given().queryParam("review", "SHELVED").when().get("/api/claims").then().statusCode(400)
                .body("errors[0].field", equalTo("review"));
        given().queryParam("rating", "BANANA").when().get("/api/claims").then().statusCode(400)
                .body("errors[0].field", equalTo("rating"));
        given().queryParam("review", "PUBLISHED").queryParam("asOf", "2020-01-01").when().get("/api/claims").then()
                .statusCode(400).body("errors[0].field", equalTo("review"));

        given().when().get("/api/stats").then().statusCode(200)
                .body("byRating.MIXED", equalTo((int) publishedMixed + 1), "byReviewState.PUBLISHED", greaterThan(0),
                        "byReviewState.keySet()", contains("UNASSIGNED", "ASSIGNED", "IN_REVIEW", "READY", "PUBLISHED",
                                "CORRECTED", "UNPUBLISHED"));
        given().queryParam("asOf", "2020-01-01").when().get("/api/stats").then().statusCode(200)
                .body("byReviewState", nullValue(), "byRating", nullValue());
    }

    private ValidatableResponse step(String user, String action, Map<String, Object> body) {
        var request = given().auth().preemptive().basic(user, TestUsers.PASSWORD).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(new HashMap<>(body));
        }
        return request.when().post("/api/claims/" + claim + "/review/" + action).then().log().ifValidationFails();
    }
}
