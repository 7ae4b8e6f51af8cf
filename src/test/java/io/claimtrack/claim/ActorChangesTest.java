package io.claimtrack.claim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
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
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Corrections, aliases and merges of actors: kept versions, threads re-evaluated, refusals traceless. */
@QuarkusTest
class ActorChangesTest {

    private static final String EDITOR = "actor-editor";

    @Inject
    MovableClock clock;

    @Inject
    ActorChanges changes;

    @BeforeEach
    void signIn() {
        TestUsers.ensure(EDITOR, Roles.EDITOR);
        TestUsers.signInAsDesk();
    }

    @Test
    void aBlocCorrectionReevaluatesEveryThreadOfTheActorAndKeepsTheEarlierVersion() {
        String blocA = Api.unique("bloc A");
        String a = Api.actor(Api.unique("Speaker A"), "STATE", blocA);
        String b = Api.actor(Api.unique("Speaker B"), "STATE", Api.unique("bloc B"));
        long claim = Api.submit(Api.claim(a, "Strikes hit a depot", minutesAgo(60)));
        long dispute = Api.relate(b, "disputes", claim, minutesAgo(50));
        long other = Api.submit(Api.claim(a, "Strikes hit a bridge", minutesAgo(40)));
        Api.relate(b, "disputes", other, minutesAgo(30));
        given().when().get("/api/claims/" + claim).then().body("status", equalTo("CONTESTED"));
        long bId = actorId(b);
        Instant before = clock.instant();
        clock.advance(Duration.ofSeconds(5));

        // B turns out to be in A's bloc: its disputes are not independent any more, in both threads.
        patch(EDITOR, bId, Map.of("blocs", List.of(blocA), "name", b + " Ministry", "reason", "B is A's ministry"))
                .statusCode(200).body("blocs", contains(blocA), "name", equalTo(b + " Ministry"));
        for (long disputed : new long[] {claim, other}) {
            given().when().get("/api/claims/" + disputed).then().body("status", equalTo("UNVERIFIED"));
        }
        given().when().get("/api/claims/" + claim + "/history").then()
                .body("findAll { it.kind == 'STANDING' }[-1].cause",
                        equalTo("actor " + b + " Ministry corrected by " + EDITOR + " (name, blocs): B is A's ministry"));
        given().when().get("/api/claims/" + dispute).then().body("claimant.name", equalTo(b + " Ministry"));
        given().queryParam("knownAt", before.toString()).when().get("/api/claims/" + dispute).then()
                .body("claimant.name", equalTo(b), "claimant.blocs", not(hasItem(blocA)));
        given().when().get("/api/actors/" + bId + "/history").then().statusCode(200)
                .body("kind", contains("CORRECTION"), "[0].cause", startsWith(EDITOR + " corrected name, blocs (was " + b));
        // The old name is no name any more: a claim naming it is refused with the closest.
        Map<String, Object> byOldName = Api.claim(b, "Strikes hit a school", minutesAgo(20));
        given().contentType(ContentType.JSON).body(byOldName).when().post("/api/claims").then().statusCode(422)
                .body("detail", containsString(b + " Ministry"));
    }

    @Test
    void actorCorrectionsThatDoNotHoldAreRefusedWithoutATrace() {
        String a = Api.actor(Api.unique("Speaker A"), "STATE", Api.unique("bloc A"));
        String b = Api.actor(Api.unique("Speaker B"), "STATE", Api.unique("bloc B"));
        long aId = actorId(a);
        given().auth().preemptive().basic(EDITOR, TestUsers.PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("alias", a + " Office")).when().post("/api/actors/" + actorId(b) + "/aliases").then()
                .statusCode(201);

        patch(EDITOR, aId, Map.of("name", b.toUpperCase(), "reason", "r")).statusCode(409)
                .body("errors[0].field", equalTo("name"));
        patch(EDITOR, aId, Map.of("name", a + " office", "reason", "r")).statusCode(409)
                .body("detail", containsString("already names actor " + b));
        patch(EDITOR, aId, Map.of("name", " ", "reason", "r")).statusCode(400).body("errors[0].field", equalTo("name"));
        patch(EDITOR, aId, Map.of("name", a, "reason", "r")).statusCode(400).body("detail", containsString("changes none"));
        patch(EDITOR, aId, Map.of("kind", "STATE")).statusCode(400).body("errors[0].field", equalTo("reason"));
        patch(EDITOR, aId, Map.of("kind", "EMPIRE", "reason", "r")).statusCode(400);
        patch(EDITOR, aId, Map.of("blocs", List.of(" "), "reason", "r")).statusCode(400);
        patch(EDITOR, aId, null).statusCode(400);
        patch(TestUsers.DESK, aId, Map.of("kind", "PERSON", "reason", "r")).statusCode(403);
        patch(EDITOR, 987654321L, Map.of("kind", "PERSON", "reason", "r")).statusCode(404);

        given().when().get("/api/actors/" + aId + "/history").then().body("$", empty());
        given().when().get("/api/actors/" + aId).then().body("name", equalTo(a), "kind", equalTo("STATE"));
    }

    @Test
    void aClaimNamingAnAliasIsTheActorsAndDuplicatesAreFoundAcrossItsNames() {
        String a = Api.actor(Api.unique("Russia"), "STATE", Api.unique("bloc R"));
        String b = Api.actor(Api.unique("France"), "STATE", Api.unique("bloc F"));
        long aId = actorId(a);
        long first = Api.submit(Api.claim(a, "Air strikes hit Islamic State positions near Raqqa", minutesAgo(60)));
        String kremlin = Api.unique("The Kremlin");

        alias(EDITOR, aId, " " + kremlin + " ").statusCode(201).body("aliases", contains(kremlin));
        Map<String, Object> viaAlias = Api.claim(kremlin.toLowerCase(), "Air strikes hit Islamic State positions near Raqqa today",
                minutesAgo(50));
        given().contentType(ContentType.JSON).body(viaAlias).when().post("/api/claims").then().statusCode(201)
                .body("claimant.name", equalTo(a), "possibleDuplicates.id", contains((int) first));
        given().queryParam("claimant", kremlin).when().get("/api/claims").then().body("total", equalTo(2));
        given().when().get("/api/actors").then().body("find { it.name == '" + a + "' }.aliases", contains(kremlin));

        alias(EDITOR, aId, b).statusCode(409).body("detail", containsString("already names actor " + b));
        alias(EDITOR, aId, a.toUpperCase()).statusCode(409).body("detail", containsString("already names this actor"));
        alias(EDITOR, aId, "").statusCode(400).body("errors[0].field", equalTo("alias"));
        alias(TestUsers.DESK, aId, "Moscow").statusCode(403);
        // A new actor cannot take a name that is an alias.
        given().contentType(ContentType.JSON).body(Map.of("name", kremlin, "kind", "STATE")).when().post("/api/actors")
                .then().statusCode(409);

        given().auth().preemptive().basic(EDITOR, TestUsers.PASSWORD).when()
                .delete("/api/actors/" + aId + "/aliases/" + kremlin.toUpperCase()).then().statusCode(200)
                .body("aliases", empty());
        given().auth().preemptive().basic(EDITOR, TestUsers.PASSWORD).when()
                .delete("/api/actors/" + aId + "/aliases/" + kremlin).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Api.claim(kremlin, "Strikes again", minutesAgo(40)))
                .when().post("/api/claims").then().statusCode(422);
    }

    @Test
    void anActorRegisteredTwiceIsMergedItsClaimsAndNameGoingToTheKeptOne() {
        String a = Api.actor(Api.unique("Speaker A"), "STATE", Api.unique("bloc A"));
        String twice = Api.actor(Api.unique("Speaker A again"), "STATE", Api.unique("bloc other"));
        long claim = Api.submit(Api.claim(a, "Troops crossed the river", minutesAgo(60)));
        long dispute = Api.relate(twice, "disputes", claim, minutesAgo(50));
        given().when().get("/api/claims/" + claim).then().body("status", equalTo("CONTESTED"));
        long aId = actorId(a);
        long twiceId = actorId(twice);

        merge(EDITOR, twiceId, Map.of("into", aId, "reason", "the same ministry, registered twice")).statusCode(200)
                .body("id", equalTo((int) aId), "aliases", contains(twice));
        given().when().get("/api/claims/" + dispute).then().body("claimant.name", equalTo(a));
        // A now disputes its own claim: no independent dispute, and flagged.
        given().when().get("/api/claims/" + claim).then().body("status", equalTo("UNVERIFIED"),
                "flags", contains("SELF_DISPUTED"));
        given().contentType(ContentType.JSON).body(Api.claim(twice, "Troops crossed the river again", minutesAgo(40)))
                .when().post("/api/claims").then().statusCode(201).body("claimant.name", equalTo(a));
        given().when().get("/api/actors").then().body("name", not(hasItem(twice)));
        given().when().get("/api/actors/" + twiceId).then().body("mergedInto", equalTo((int) aId));
        String merged = EDITOR + " merged actor " + twice + " (#" + twiceId + ") into " + a + " (#" + aId
                + "): the same ministry, registered twice";
        for (long actor : new long[] {aId, twiceId}) {
            given().when().get("/api/actors/" + actor + "/history").then().body("find { it.kind == 'MERGE' }.cause",
                    equalTo(merged));
        }

        merge(EDITOR, twiceId, Map.of("into", aId, "reason", "again")).statusCode(422);
        patch(EDITOR, twiceId, Map.of("kind", "PERSON", "reason", "r")).statusCode(422);
        merge(EDITOR, aId, Map.of("into", aId, "reason", "r")).statusCode(400);
        merge(EDITOR, aId, Map.of("into", twiceId, "reason", "r")).statusCode(422).body("detail", containsString("merge into that one"));
        merge(EDITOR, aId, Map.of("into", 987654321L, "reason", "r")).statusCode(422);
        merge(TestUsers.DESK, aId, Map.of("into", twiceId, "reason", "r")).statusCode(403);
    }

    @Test
    void twoEditorsMergingTwoActorsIntoEachOtherAtOnceMergeThemOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            long a = actorId(Api.actor(Api.unique("Twin A"), "STATE", Api.unique("bloc")));
            long b = actorId(Api.actor(Api.unique("Twin B"), "STATE", Api.unique("bloc")));
            List<Integer> statuses = Concurrently.run(
                    () -> merge(EDITOR, a, Map.of("into", b, "reason", "one way")).extract().statusCode(),
                    () -> merge(EDITOR, b, Map.of("into", a, "reason", "the other way")).extract().statusCode());
            assertEquals(List.of(200, 422), statuses.stream().sorted().toList(), "round " + round);
            long merged = given().when().get("/api/actors/" + a).then().extract().jsonPath().get("mergedInto") == null
                    ? 0 : 1;
            long mergedToo = given().when().get("/api/actors/" + b).then().extract().jsonPath().get("mergedInto") == null
                    ? 0 : 1;
            assertEquals(1, merged + mergedToo, "exactly one of the two is merged into the other");
        }
    }

    @Test
    void threadsAStoppedProcessLeftOwedAreReevaluatedAtStart() {
        String blocA = Api.unique("bloc A");
        String a = Api.actor(Api.unique("Speaker A"), "STATE", blocA);
        String b = Api.actor(Api.unique("Speaker B"), "STATE", Api.unique("bloc B"));
        long claim = Api.submit(Api.claim(a, "Strikes hit a depot", minutesAgo(60)));
        Api.relate(b, "disputes", claim, minutesAgo(50));
        long bId = actorId(b);
        // As a correction leaves things when the process stops after its commit, before the re-evaluation.
        QuarkusTransaction.requiringNew().run(() -> {
            ActorEntity actor = ActorEntity.findById(bId);
            actor.blocs.clear();
            actor.blocs.add(blocA);
            ActorReevaluationDueEntity.of(bId, "actor " + b + " corrected (blocs): test", clock.instant());
        });
        given().when().get("/api/claims/" + claim).then().body("status", equalTo("CONTESTED"));

        changes.onStart(null);

        given().when().get("/api/claims/" + claim).then().body("status", equalTo("UNVERIFIED"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> ActorReevaluationDueEntity.count()));
    }

    private long actorId(String name) {
        return given().when().get("/api/actors").then().extract().jsonPath()
                .getLong("find { it.name == '" + name + "' }.id");
    }

    private ValidatableResponse patch(String user, long actor, Map<String, Object> body) {
        return send(user, body).when().patch("/api/actors/" + actor).then().log().ifValidationFails();
    }

    private ValidatableResponse alias(String user, long actor, String alias) {
        return send(user, Map.of("alias", alias)).when().post("/api/actors/" + actor + "/aliases").then().log().ifValidationFails();
    }

    private ValidatableResponse merge(String user, long actor, Map<String, Object> body) {
        return send(user, body).when().post("/api/actors/" + actor + "/merge").then().log().ifValidationFails();
    }

    private io.restassured.specification.RequestSpecification send(String user, Map<String, Object> body) {
        var request = given().auth().preemptive().basic(user, TestUsers.PASSWORD).contentType(ContentType.JSON);
        return body == null ? request : request.body(new HashMap<>(body));
    }

    private String minutesAgo(int minutes) {
        return clock.instant().minus(Duration.ofMinutes(minutes)).toString();
    }
}
