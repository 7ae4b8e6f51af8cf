package io.claimtrack.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.time.MovableClock;
import io.claimtrack.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.claimtrack.testing.Api;

/** Status over time: as of event time, as known at system time, timelines, STALE as time passes, verdicts. */
@QuarkusTest
class TimeResourceTest {

    @BeforeEach
    void signIn() {
        TestUsers.signInAsDesk();
    }

    @Inject
    MovableClock clock;

    @Inject
    TimePassing timePassing;

    @Test
    void shouldTellTheSeedArticleAsOfEventTime() {
        long russiaClaim = given().queryParam("claimant", "Russia").queryParam("q", "air strikes against Islamic State")
                .when().get("/api/claims")
                .then().statusCode(200).body("total", equalTo(1)).extract().jsonPath().getLong("items[0].id");

        given().queryParam("asOf", "2015-09-30T11:00:00Z").when().get("/api/claims/" + russiaClaim)
                .then().body("status", equalTo("UNVERIFIED"), "disputedBy", empty());
        given().queryParam("asOf", "2015-09-30T13:00:00Z").when().get("/api/claims/" + russiaClaim)
                .then().body("status", equalTo("CONTESTED"), "disputedBy", hasSize(2), "flags", empty());
        // France's dispute, the latest word on it, was asserted at 2015-09-30T12:30Z.
        given().queryParam("asOf", "2015-10-30T12:29:00Z").when().get("/api/claims/" + russiaClaim)
                .then().body("flags", empty());
        given().queryParam("asOf", "2015-10-30T12:31:00Z").when().get("/api/claims/" + russiaClaim)
                .then().body("status", equalTo("CONTESTED"), "flags", contains("STALE"));
        given().when().get("/api/claims/" + russiaClaim + "/timeline")
                .then().body("status", contains("UNVERIFIED", "CONTESTED", "CONTESTED"),
                        "[1].cause.actor", equalTo("United States"),
                        "[2].cause.kind", equalTo("TIME_PASSED"), "[2].flags", contains("STALE"),
                        // the timeline visits the instant the 30 days run out, not the next midnight
                        "[2].at", equalTo("2015-10-30T12:30:00Z"));
    }

    @Test
    void shouldAnswerAsOfEventTime() {
        String russia = actor("STATE", "bloc " + UUID.randomUUID());
        String us = actor("STATE", "bloc " + UUID.randomUUID());
        long strikes = submit(russia, "2016-03-01T10:00:00Z", null, null);
        long dispute = submit(us, "2016-03-05T10:00:00Z", "disputes", strikes);

        given().queryParam("asOf", "2016-03-03").when().get("/api/claims/" + strikes)
                .then().statusCode(200)
                .body("status", equalTo("UNVERIFIED"), "disputedBy", empty(),
                        "asOf", equalTo("2016-03-03T23:59:59.999999999Z"), "reason.since", nullValue());
        given().queryParam("asOf", "2016-03-05T10:00:00Z").when().get("/api/claims/" + strikes)
                .then().statusCode(200)
                .body("status", equalTo("CONTESTED"), "disputedBy", contains((int) dispute), "flags", empty());
        given().queryParam("asOf", "2016-04-05").when().get("/api/claims/" + strikes)
                .then().statusCode(200).body("status", equalTo("CONTESTED"), "flags", contains("STALE"));
        given().queryParam("asOf", "2016-03-03").when().get("/api/claims/" + dispute)
                .then().statusCode(404).body("detail", containsString("was not yet asserted"));
        given().queryParam("asOf", "2016-02-01").when().get("/api/claims/" + strikes)
                .then().statusCode(404);

        given().queryParam("asOf", "2016-03-03").queryParam("claimant", russia).when().get("/api/claims")
                .then().statusCode(200).body("total", equalTo(1), "items[0].status", equalTo("UNVERIFIED"));
        given().queryParam("asOf", "2016-03-03").queryParam("claimant", russia).queryParam("status", "CONTESTED")
                .when().get("/api/claims")
                .then().body("total", equalTo(0));
        given().queryParam("asOf", "2016-03-06").queryParam("claimant", russia).queryParam("status", "CONTESTED")
                .when().get("/api/claims")
                .then().body("total", equalTo(1), "items[0].id", equalTo((int) strikes));
    }

    @Test
    void shouldCountStatsAsOfEventTime() {
        String russia = actor("STATE", "bloc " + UUID.randomUUID());
        String us = actor("STATE", "bloc " + UUID.randomUUID());
        long strikes = submit(russia, "2017-06-01T10:00:00Z", null, null);
        submit(us, "2017-06-10T10:00:00Z", "disputes", strikes);

        long contestedBefore = given().queryParam("asOf", "2017-06-05").when().get("/api/stats")
                .then().statusCode(200).extract().jsonPath().getLong("byStatus.CONTESTED");
        long contestedAfter = given().queryParam("asOf", "2017-06-11").when().get("/api/stats")
                .then().statusCode(200).extract().jsonPath().getLong("byStatus.CONTESTED");

        assertEquals(contestedBefore + 1, contestedAfter, "nothing else in the database was said in June 2017");
    }

    @Test
    void shouldFlagStaleExactlyWhenThirtyDaysPassAndClearItOnANewDispute() {
        String russia = actor("STATE", "bloc " + UUID.randomUUID());
        String us = actor("STATE", "bloc " + UUID.randomUUID());
        String iran = actor("STATE");
        long strikes = submit(russia, clock.instant().minusSeconds(7200).toString(), null, null);
        Instant disputedAt = clock.instant().minusSeconds(3600);
        submit(us, disputedAt.toString(), "disputes", strikes);
        given().when().get("/api/claims/" + strikes).then().body("status", equalTo("CONTESTED"), "flags", empty());

        clock.advance(Duration.between(clock.instant(), disputedAt.plus(Duration.ofDays(30))).minusSeconds(60));
        timePassing.reevaluateAll();
        given().when().get("/api/claims/" + strikes).then().body("flags", empty());

        clock.advance(Duration.ofSeconds(61));
        timePassing.reevaluateAll();
        given().when().get("/api/claims/" + strikes)
                .then().body("flags", contains("STALE"),
                        "flagReasons[0].explanation", containsString("nothing touching it was asserted in the 30 days"));
        given().when().get("/api/claims/" + strikes + "/history")
                .then().body("cause[-1]", equalTo("time passed"), "flags[-1]", contains("STALE"),
                        "status[-1]", equalTo("CONTESTED"));

        submit(iran, clock.instant().toString(), "disputes", strikes);

        given().when().get("/api/claims/" + strikes)
                .then().body("flags", contains("WIDELY_CONTESTED"));
        given().when().get("/api/claims/" + strikes + "/history")
                .then().body("previousFlags[-1]", contains("STALE"), "flags[-1]", contains("WIDELY_CONTESTED"));
    }

    @Test
    void shouldShowALateRecordedClaimInEventTimeButNotInWhatWasKnown() {
        String russia = actor("STATE", "bloc " + UUID.randomUUID());
        String us = actor("STATE", "bloc " + UUID.randomUUID());
        Instant saidAt = clock.instant().minus(Duration.ofDays(3));
        long strikes = submit(russia, saidAt.toString(), null, null);
        Instant shownThen = clock.instant();
        clock.advance(Duration.ofDays(1));

        // A dispute made two days ago and recorded only now: a backfill.
        Instant disputedAt = saidAt.plus(Duration.ofDays(1));
        long late = submit(us, disputedAt.toString(), "disputes", strikes);

        given().queryParam("asOf", disputedAt.plusSeconds(1).toString()).when().get("/api/claims/" + strikes)
                .then().statusCode(200).body("status", equalTo("CONTESTED"), "disputedBy", contains((int) late));
        given().queryParam("knownAt", shownThen.toString()).when().get("/api/claims/" + strikes)
                .then().statusCode(200)
                .body("status", equalTo("UNVERIFIED"), "disputedBy", empty(),
                        "knownAt", equalTo(shownThen.toString()), "reason.since", notNullValue());
        given().queryParam("knownAt", shownThen.toString()).when().get("/api/claims/" + late)
                .then().statusCode(404).body("detail", containsString("was not yet recorded"));

        given().when().get("/api/claims/" + strikes + "/timeline")
                .then().statusCode(200)
                .body("status", contains("UNVERIFIED", "CONTESTED"),
                        "[0].cause.kind", equalTo("ASSERTION"), "[0].cause.claimId", equalTo((int) strikes),
                        "[1].at", equalTo(disputedAt.toString()),
                        "[1].cause.claimId", equalTo((int) late), "[1].cause.actor", equalTo(us),
                        "[1].cause.relation", equalTo("disputes"),
                        "[1].rule", equalTo("Claim disputed by an independent actor is CONTESTED"));
    }

    @Test
    void shouldRecordExplainAndWithdrawAnAnalystsVerdict() {
        String russia = actor("STATE", "bloc " + UUID.randomUUID());
        String us = actor("STATE", "bloc " + UUID.randomUUID());
        long strikes = submit(russia, clock.instant().minusSeconds(600).toString(), null, null);
        submit(us, clock.instant().minusSeconds(300).toString(), "disputes", strikes);

        long verdict = given().contentType(ContentType.JSON)
                .body(Map.of("status", "CONFIRMED", "reason", "Footage geolocated to IS-held Raqqa"))
                .when().post("/api/claims/" + strikes + "/verdicts")
                .then().statusCode(201)
                .body("status", equalTo("CONFIRMED"), "analyst", equalTo(TestUsers.DESK), "withdrawnAt", nullValue())
                .extract().jsonPath().getLong("id");

        given().when().get("/api/claims/" + strikes)
                .then().body("status", equalTo("CONFIRMED"),
                        "reason.rule", equalTo("Claim with an analyst's verdict takes that verdict"),
                        "reason.explanation", containsString("analyst desk"),
                        "reason.explanation", containsString("Footage geolocated to IS-held Raqqa"));

        given().when().delete("/api/claims/" + strikes + "/verdicts/" + verdict)
                .then().statusCode(200).body("withdrawnBy", equalTo(TestUsers.DESK), "withdrawnAt", notNullValue());
        given().when().delete("/api/claims/" + strikes + "/verdicts/" + verdict)
                .then().statusCode(409);

        given().when().get("/api/claims/" + strikes).then().body("status", equalTo("CONTESTED"));
        given().when().get("/api/claims/" + strikes + "/verdicts")
                .then().body("id", contains((int) verdict), "[0].withdrawnBy", equalTo(TestUsers.DESK));
        given().when().get("/api/claims/" + strikes + "/history")
                .then().body("status", contains("UNVERIFIED", "CONTESTED", "CONFIRMED", "CONTESTED"),
                        "cause[2]", equalTo("verdict #" + verdict + " by desk: CONFIRMED (Footage geolocated to IS-held Raqqa)"),
                        "cause[3]", equalTo("verdict #" + verdict + " withdrawn by desk"));
    }

    @Test
    void shouldRejectBadVerdicts() {
        long claim = submit(actor("PERSON"), clock.instant().minusSeconds(60).toString(), null, null);

        given().contentType(ContentType.JSON).body(Map.of("status", "DUBIOUS", "reason", "r"))
                .when().post("/api/claims/" + claim + "/verdicts")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().contentType(ContentType.JSON).body(Map.of("status", "REFUTED"))
                .when().post("/api/claims/" + claim + "/verdicts")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body(Map.of("status", "REFUTED", "reason", "r"))
                .when().post("/api/claims/987654321/verdicts")
                .then().statusCode(404);
        given().when().delete("/api/claims/" + claim + "/verdicts/987654321").then().statusCode(404);

        given().when().get("/api/claims/" + claim + "/verdicts").then().statusCode(200).body("$", empty());
        given().when().get("/api/claims/" + claim + "/history").then().body("cause", not(hasItem(containsString("verdict"))));
    }

    @Test
    void shouldRejectBadInstants() {
        long claim = submit(actor("PERSON"), clock.instant().minusSeconds(60).toString(), null, null);

        given().queryParam("asOf", "last tuesday").when().get("/api/claims/" + claim)
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().queryParam("asOf", clock.instant().plus(Duration.ofDays(2)).toString()).when().get("/api/claims/" + claim)
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"), "detail", containsString("future"));
        given().queryParam("knownAt", "2015-13-45").when().get("/api/claims/" + claim)
                .then().statusCode(400).body("errors[0].field", equalTo("knownAt"));
        given().queryParam("asOf", "2016-01-01").queryParam("knownAt", "2016-01-01").when().get("/api/claims/" + claim)
                .then().statusCode(400);
        given().queryParam("asOf", "soon").when().get("/api/stats").then().statusCode(400);
        given().queryParam("asOf", "soon").when().get("/api/claims").then().statusCode(400);
        given().when().get("/api/claims/987654321/timeline").then().statusCode(404);

        Map<String, Object> future = claim(actor("PERSON"), clock.instant().plus(Duration.ofDays(1)).toString());
        given().contentType(ContentType.JSON).body(future).when().post("/api/claims")
                .then().statusCode(400).body("errors[0].field", equalTo("assertedAt"));
    }

    private static String actor(String kind, String... blocs) {
        return Api.actor(Api.unique("Actor"), kind, blocs);
    }

    private static Map<String, Object> claim(String claimant, String assertedAt) {
        return Api.claim(claimant, "said by " + claimant, assertedAt);
    }

    private static long submit(String claimant, String assertedAt, String relation, Long target) {
        return relation == null ? Api.submit(claimant, assertedAt) : Api.relate(claimant, relation, target, assertedAt);
    }
}
