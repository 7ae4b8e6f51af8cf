package io.claimtrack.claim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
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

/** Merging duplicates: answers moved to the kept claim, evidence carried over, the duplicate read as a redirect. */
@QuarkusTest
class ClaimMergeTest {

    private static final String EDITOR = "merge-editor";

    @Inject
    MovableClock clock;

    private String a;
    private String b;

    @BeforeEach
    void signIn() {
        TestUsers.ensure(EDITOR, Roles.EDITOR);
        TestUsers.signInAsDesk();
        a = Api.actor(Api.unique("Speaker A"), "STATE", Api.unique("bloc A"));
        b = Api.actor(Api.unique("Speaker B"), "STATE", Api.unique("bloc B"));
    }

    @Test
    void aMergedDuplicateHandsItsAnswersAndEvidenceToTheKeptClaimAndRedirects() {
        long kept = Api.submit(Api.claim(a, "The bridge at Kherson was destroyed", minutesAgo(60)));
        long duplicate = Api.submit(Api.claim(a, "The Kherson bridge was destroyed", minutesAgo(55)));
        long dispute = Api.relate(b, "disputes", duplicate, minutesAgo(50));
        given().contentType(ContentType.JSON)
                .body(Map.of("url", "https://example.org/bridge-report", "publisher", "Example Wire", "kind", "ARTICLE"))
                .when().post("/api/claims/" + duplicate + "/evidence").then().statusCode(201);
        given().when().get("/api/claims/" + duplicate).then().body("status", equalTo("CONTESTED"));
        given().when().get("/api/claims/" + kept).then().body("status", equalTo("UNVERIFIED"));
        Instant before = clock.instant();
        clock.advance(Duration.ofSeconds(5));

        merge(EDITOR, duplicate, Map.of("into", kept, "reason", "the same statement, reported twice")).statusCode(200)
                .body("id", equalTo((int) kept), "status", equalTo("CONTESTED"), "disputedBy", contains((int) dispute),
                        "evidence.url", hasItem("https://example.org/bridge-report"),
                        "evidence.find { it.url == 'https://example.org/bridge-report' }.note",
                        equalTo("from claim #" + duplicate + ", merged into this one"));

        given().redirects().follow(false).when().get("/api/claims/" + duplicate).then().statusCode(308)
                .header("Location", endsWith("/api/claims/" + kept)).body("mergedInto", equalTo((int) kept));
        given().when().get("/api/claims/" + duplicate).then().statusCode(200).body("id", equalTo((int) kept));
        given().queryParam("knownAt", before.toString()).when().get("/api/claims/" + duplicate).then().statusCode(200)
                .body("id", equalTo((int) duplicate), "status", equalTo("CONTESTED"));
        given().when().get("/api/claims/" + dispute).then().body("disputes", equalTo((int) kept), "thread", equalTo((int) kept));
        given().queryParam("knownAt", before.toString()).when().get("/api/claims/" + dispute).then()
                .body("disputes", equalTo((int) duplicate));
        String merged = EDITOR + " merged claim #" + duplicate + " into claim #" + kept + ": the same statement, reported twice";
        for (long claim : new long[] {kept, duplicate}) {
            given().when().get("/api/claims/" + claim + "/history").then()
                    .body("find { it.kind == 'MERGE' }.cause", equalTo(merged),
                            "find { it.kind == 'MERGE' }.merge.into", equalTo((int) kept));
        }
        given().when().get("/api/claims/" + dispute + "/history").then()
                .body("find { it.kind == 'CORRECTION' }.correction.fields", contains("relation"));
        given().queryParam("q", "Kherson").when().get("/api/claims").then()
                .body("items.id", hasItem((int) kept), "items.id", not(hasItem((int) duplicate)));

        // The duplicate is done with: nothing more is done to it.
        merge(EDITOR, duplicate, Map.of("into", kept, "reason", "again")).statusCode(422)
                .body("detail", containsString("already"));
        given().contentType(ContentType.JSON).body(Map.of("text", "x", "reason", "r"))
                .when().patch("/api/claims/" + duplicate).then().statusCode(422);
        given().contentType(ContentType.JSON).body(Map.of("supports", duplicate, "reason", "r"))
                .when().patch("/api/claims/" + dispute).then().statusCode(422)
                .body("detail", containsString("was merged into claim #" + kept));
    }

    @Test
    void mergesOfClaimsThatAreNotDuplicatesOrWouldLoseWorkAreRefusedWithoutATrace() {
        long first = Api.submit(Api.claim(a, "Troops crossed the border", minutesAgo(60)));
        long byOther = Api.submit(Api.claim(b, "Troops crossed the border", minutesAgo(59)));
        long retraction = Api.relate(a, "retracts", first, minutesAgo(58));
        long dispute = Api.relate(b, "disputes", first, minutesAgo(50));
        long later = Api.submit(Api.claim(a, "Troops crossed the border at night", minutesAgo(45)));
        int history = Api.historySize(first);

        merge(EDITOR, first, Map.of("into", byOther, "reason", "r")).statusCode(422)
                .body("errors[0].field", equalTo("into"), "detail", containsString("the same claimant"));
        merge(EDITOR, first, Map.of("into", retraction, "reason", "r")).statusCode(422)
                .body("detail", containsString("they are not duplicates"));
        merge(EDITOR, first, Map.of("into", later, "reason", "r")).statusCode(422)
                .body("detail", containsString("claim #" + dispute + " answers claim #" + first));
        merge(EDITOR, first, Map.of("into", first, "reason", "r")).statusCode(400);
        merge(EDITOR, first, Map.of("into", 987654321L, "reason", "r")).statusCode(422)
                .body("detail", containsString("does not exist"));
        merge(EDITOR, first, Map.of("into", later)).statusCode(400).body("errors[0].field", equalTo("reason"));
        merge(EDITOR, first, null).statusCode(400);
        merge(TestUsers.DESK, later, Map.of("into", first, "reason", "r")).statusCode(403);
        merge(EDITOR, 987654321L, Map.of("into", first, "reason", "r")).statusCode(404);

        // The desk's work on a duplicate stays with it: a review or a verdict in force refuses the merge.
        given().auth().preemptive().basic(EDITOR, TestUsers.PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("assignee", EDITOR)).when().post("/api/claims/" + later + "/review/assign").then().statusCode(200);
        merge(EDITOR, later, Map.of("into", first, "reason", "r")).statusCode(409)
                .body("detail", containsString("has a review (ASSIGNED)"));
        long another = Api.submit(Api.claim(a, "Troops crossed the border again", minutesAgo(40)));
        given().contentType(ContentType.JSON).body(Map.of("status", "CONFIRMED", "reason", "checked"))
                .when().post("/api/claims/" + another + "/verdicts").then().statusCode(201);
        merge(EDITOR, another, Map.of("into", first, "reason", "r")).statusCode(409)
                .body("detail", containsString("verdicts are in force"));

        assertEquals(history, Api.historySize(first));
        given().when().get("/api/claims/" + dispute).then().body("disputes", equalTo((int) first));
        given().redirects().follow(false).when().get("/api/claims/" + later).then().statusCode(200);
    }

    @Test
    void twoEditorsMergingOneDuplicateAtOnceMergeItOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            long first = Api.submit(Api.claim(a, "Shells hit the power plant " + round, minutesAgo(60)));
            long second = Api.submit(Api.claim(a, "Shells hit the power plant again " + round, minutesAgo(59)));
            long duplicate = Api.submit(Api.claim(a, "Shells hit the power plant today " + round, minutesAgo(58)));
            List<Integer> statuses = Concurrently.run(
                    () -> merge(EDITOR, duplicate, Map.of("into", first, "reason", "r")).extract().statusCode(),
                    () -> merge(EDITOR, duplicate, Map.of("into", second, "reason", "r")).extract().statusCode());
            assertEquals(List.of(200, 422), statuses.stream().sorted().toList(), "round " + round);
            assertEquals(1, Api.historySize(duplicate) - (int) given().when().get("/api/claims/" + duplicate + "/history")
                    .then().extract().jsonPath().getList("findAll { it.kind != 'MERGE' }").size());
        }
    }

    private ValidatableResponse merge(String user, long claim, Map<String, Object> body) {
        var request = given().auth().preemptive().basic(user, TestUsers.PASSWORD).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(new HashMap<>(body));
        }
        return request.when().post("/api/claims/" + claim + "/merge").then().log().ifValidationFails();
    }

    private String minutesAgo(int minutes) {
        return clock.instant().minus(Duration.ofMinutes(minutes)).toString();
    }
}
