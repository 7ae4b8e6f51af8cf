package io.claimtrack.claim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Corrections of claims: the earlier version kept and shown as known then, the thread re-evaluated, refusals traceless. */
@QuarkusTest
class ClaimCorrectionTest {

    private static final String OTHER = "correction-other-submitter";
    private static final String EDITOR = "correction-editor";

    @Inject
    MovableClock clock;

    private String hourAgo;
    private String halfHourAgo;

    @BeforeEach
    void signIn() {
        TestUsers.ensure(OTHER, Roles.SUBMITTER);
        TestUsers.ensure(EDITOR, Roles.EDITOR);
        TestUsers.signInAsDesk();
        hourAgo = clock.instant().minus(Duration.ofHours(1)).toString();
        halfHourAgo = clock.instant().minus(Duration.ofMinutes(30)).toString();
    }

    @Test
    void aCorrectionKeepsTheEarlierVersionAndReevaluatesTheThread() {
        String a = Api.actor(Api.unique("Speaker A"), "STATE", Api.unique("bloc A"));
        String b = Api.actor(Api.unique("Speaker B"), "STATE", Api.unique("bloc B"));
        long claim = Api.submit(Api.claim(a, "Strikes hit a depot", hourAgo));
        Api.relate(b, "disputes", claim, halfHourAgo);
        given().when().get("/api/claims/" + claim).then().body("status", equalTo("CONTESTED"));
        Instant before = clock.instant();
        clock.advance(Duration.ofSeconds(5));

        given().contentType(ContentType.JSON)
                .body(Map.of("text", "Strikes hit an ammunition depot", "claimant", b.toUpperCase(),
                        "reason", "misattributed: B said it, A repeated it"))
                .when().patch("/api/claims/" + claim).then().statusCode(200)
                .body("text", equalTo("Strikes hit an ammunition depot"), "claimant.name", equalTo(b),
                        // B now disputes its own claim: not an independent dispute, and flagged
                        "status", equalTo("UNVERIFIED"), "flags", contains("SELF_DISPUTED"));

        given().queryParam("knownAt", before.toString()).when().get("/api/claims/" + claim).then().statusCode(200)
                .body("text", equalTo("Strikes hit a depot"), "claimant.name", equalTo(a), "status", equalTo("CONTESTED"));
        given().when().get("/api/claims/" + claim + "/history").then().statusCode(200)
                .body("find { it.kind == 'CORRECTION' }.correction.fields", contains("text", "claimant"),
                        "find { it.kind == 'CORRECTION' }.cause",
                        equalTo(TestUsers.DESK + " corrected claim #" + claim + " (text, claimant): misattributed: B said it,"
                                + " A repeated it"),
                        "findAll { it.kind == 'STANDING' }.status", contains("UNVERIFIED", "CONTESTED", "UNVERIFIED"));

        // Corrected again: knownAt between the two shows the first correction's version.
        Instant between = clock.instant();
        clock.advance(Duration.ofSeconds(5));
        given().contentType(ContentType.JSON).body(Map.of("topic", "Depots", "reason", "topic was missing"))
                .when().patch("/api/claims/" + claim).then().statusCode(200).body("topic", equalTo("Depots"));
        given().queryParam("knownAt", between.toString()).when().get("/api/claims/" + claim).then()
                .body("text", equalTo("Strikes hit an ammunition depot"), "topic", equalTo("test topic"));

        // The longest reason allowed is kept whole with the correction; the standing's history quotes its start.
        String longReason = "The wire copy misquoted the ministry. ".repeat(60).substring(0, 1999) + "!";
        given().contentType(ContentType.JSON).body(Map.of("claimant", a, "reason", longReason))
                .when().patch("/api/claims/" + claim).then().statusCode(200).body("status", equalTo("CONTESTED"));
        given().when().get("/api/claims/" + claim + "/history").then()
                .body("findAll { it.kind == 'CORRECTION' }[-1].correction.reason", equalTo(longReason),
                        "findAll { it.kind == 'STANDING' }[-1].cause.length()", equalTo(500));
    }

    @Test
    void correctionsThatDoNotHoldAreRefusedWithoutATrace() {
        String a = Api.actor(Api.unique("Speaker A"), "STATE", Api.unique("bloc A"));
        String b = Api.actor(Api.unique("Speaker B"), "STATE", Api.unique("bloc B"));
        long claim = Api.submit(Api.claim(a, "Strikes hit a depot", hourAgo));
        long retraction = Api.relate(a, "retracts", claim, halfHourAgo);
        int history = Api.historySize(claim);

        patch(claim, Map.of("text", "x")).statusCode(400).body("errors[0].field", equalTo("reason"));
        patch(claim, Map.of("text", "Strikes hit a depot", "reason", "no change")).statusCode(400)
                .body("detail", containsString("changes none of them"));
        patch(claim, Map.of("disputes", 987654321L, "reason", "r")).statusCode(422).body("errors[0].field", equalTo("disputes"))
                .body("detail", containsString("claim #987654321 does not exist"));
        patch(claim, Map.of("text", " ", "reason", "r")).statusCode(400).body("errors[0].field", equalTo("text"));
        patch(claim, Map.of("assertedAt", "2999-01-01T00:00:00Z", "reason", "r")).statusCode(400);
        patch(claim, Map.of("assertedAt", clock.instant().minus(Duration.ofMinutes(10)).toString(), "reason", "r"))
                .statusCode(422).body("detail", containsString("claim #" + retraction + " answers this claim"));
        patch(claim, Map.of("claimant", b, "reason", "r")).statusCode(422)
                .body("detail", containsString("retracts this claim: its claimant must stay " + a));
        patch(claim, Map.of("claimant", a.replace("Speaker", "Speeker"), "reason", "r")).statusCode(422)
                .body("detail", containsString("the closest: " + a));
        patch(retraction, Map.of("claimant", b, "reason", "r")).statusCode(422)
                .body("detail", containsString("only its own claimant can retract it"));
        given().auth().preemptive().basic(OTHER, TestUsers.PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("text", "y", "reason", "r")).when().patch("/api/claims/" + claim).then().statusCode(409)
                .body("detail", containsString("only they or an editor"));
        given().auth().none().contentType(ContentType.JSON).body(Map.of("text", "y", "reason", "r"))
                .when().patch("/api/claims/" + claim).then().statusCode(401);
        given().contentType(ContentType.JSON).body("[]").when().patch("/api/claims/" + claim).then().statusCode(400);
        patch(987654321L, Map.of("text", "y", "reason", "r")).statusCode(404);

        assertEquals(history, Api.historySize(claim));
        given().when().get("/api/claims/" + claim).then().body("text", equalTo("Strikes hit a depot"), "claimant.name", equalTo(a));
        // An editor may correct a claim someone else recorded.
        given().auth().preemptive().basic(EDITOR, TestUsers.PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("text", "Strikes hit a fuel depot", "reason", "the report says fuel"))
                .when().patch("/api/claims/" + claim).then().statusCode(200).body("text", equalTo("Strikes hit a fuel depot"));
    }

    @Test
    void aRelationCorrectionMovesTheClaimWithItsAnswersAndReevaluatesBothThreads() {
        String a = Api.actor(Api.unique("Speaker A"), "STATE", Api.unique("bloc A"));
        String b = Api.actor(Api.unique("Speaker B"), "STATE", Api.unique("bloc B"));
        String c = Api.actor(Api.unique("Speaker C"), "STATE", Api.unique("bloc C"));
        long x = Api.submit(Api.claim(a, "Strikes hit a depot", minutesAgo(60)));
        long y = Api.submit(Api.claim(c, "Strikes hit a school", minutesAgo(59)));
        long dispute = Api.relate(b, "disputes", x, minutesAgo(50));
        long backing = Api.relate(c, "supports", dispute, minutesAgo(40));
        given().when().get("/api/claims/" + x).then().body("status", equalTo("CONTESTED"));
        Instant before = clock.instant();
        clock.advance(Duration.ofSeconds(5));

        // B disputed the school claim, not the depot one: the dispute moves to Y's thread with the claim backing it.
        patch(dispute, Map.of("disputes", y, "reason", "B's statement was about the school")).statusCode(200)
                .body("disputes", equalTo((int) y), "thread", equalTo((int) y));
        given().when().get("/api/claims/" + backing).then().body("thread", equalTo((int) y), "supports", equalTo((int) dispute));
        given().when().get("/api/claims/" + x).then().body("status", equalTo("UNVERIFIED"), "disputedBy", empty());
        given().when().get("/api/claims/" + y).then().body("status", equalTo("CONTESTED"),
                "disputedBy", contains((int) dispute));
        given().queryParam("knownAt", before.toString()).when().get("/api/claims/" + dispute).then()
                .body("disputes", equalTo((int) x));
        given().when().get("/api/claims/" + dispute + "/history").then()
                .body("find { it.kind == 'CORRECTION' }.correction.fields", contains("relation"));
        given().when().get("/api/claims/" + x + "/history").then()
                .body("findAll { it.kind == 'STANDING' }.status", contains("UNVERIFIED", "CONTESTED", "UNVERIFIED"));

        // Standing alone, it opens a thread of its own, still with the claim that backs it.
        clock.advance(Duration.ofSeconds(5));
        patch(dispute, Map.of("standsAlone", true, "reason", "B spoke of no claim in particular")).statusCode(200)
                .body("disputes", equalTo(null), "thread", equalTo((int) dispute));
        given().when().get("/api/claims/" + backing).then().body("thread", equalTo((int) dispute));
        given().when().get("/api/claims/" + y).then().body("status", equalTo("UNVERIFIED"));
    }

    @Test
    void relationCorrectionsThatWouldBreakTheThreadAreRefusedWithoutATrace() {
        String a = Api.actor(Api.unique("Speaker A"), "STATE", Api.unique("bloc A"));
        String b = Api.actor(Api.unique("Speaker B"), "STATE", Api.unique("bloc B"));
        long x = Api.submit(Api.claim(a, "Strikes hit a depot", minutesAgo(60)));
        long dispute = Api.relate(b, "disputes", x, minutesAgo(50));
        long answer = Api.relate(a, "disputes", dispute, minutesAgo(40));
        long later = Api.submit(Api.claim(b, "Strikes hit a bridge", minutesAgo(45)));
        int history = Api.historySize(dispute);

        patch(x, Map.of("disputes", answer, "reason", "r")).statusCode(422).body("errors[0].field", equalTo("disputes"))
                .body("detail", containsString("would make a circle"));
        patch(dispute, Map.of("supports", dispute, "reason", "r")).statusCode(422)
                .body("detail", containsString("cannot answer itself"));
        patch(dispute, Map.of("disputes", later, "reason", "r")).statusCode(422).body("errors[0].field", equalTo("assertedAt"))
                .body("detail", containsString("cannot be asserted before it"));
        patch(dispute, Map.of("retracts", x, "reason", "r")).statusCode(422)
                .body("detail", containsString("only its own claimant can retract it"));
        patch(dispute, Map.of("disputes", x, "supports", x, "reason", "r")).statusCode(400);
        patch(dispute, Map.of("disputes", x, "standsAlone", true, "reason", "r")).statusCode(400)
                .body("errors[0].field", equalTo("standsAlone"));
        patch(x, Map.of("standsAlone", true, "reason", "r")).statusCode(400).body("detail", containsString("changes none"));
        patch(dispute, Map.of("disputes", x, "reason", "r")).statusCode(400).body("detail", containsString("changes none"));
        patch(dispute, Map.of("disputes", -3, "reason", "r")).statusCode(400).body("errors[0].field", equalTo("disputes"));

        assertEquals(history, Api.historySize(dispute));
        given().when().get("/api/claims/" + dispute).then().body("disputes", equalTo((int) x), "thread", equalTo((int) x));
        given().when().get("/api/claims/" + answer).then().body("thread", equalTo((int) x));
    }

    private String minutesAgo(int minutes) {
        return clock.instant().minus(Duration.ofMinutes(minutes)).toString();
    }

    private io.restassured.response.ValidatableResponse patch(long claim, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(new HashMap<>(body)).when().patch("/api/claims/" + claim)
                .then().log().ifValidationFails();
    }
}
