package io.claimtrack.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

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

/** Evidence through the API: the claim's source first, added and removed (never erased), knownAt, roles, bad input. */
@QuarkusTest
class EvidenceResourceTest {

    private static final String EDITOR = "evidence-editor";
    private static final String OTHER = "evidence-other-submitter";

    @Inject
    MovableClock clock;

    private long claim;

    @BeforeEach
    void aClaimWithASource() {
        TestUsers.ensure(EDITOR, Roles.EDITOR);
        TestUsers.ensure(OTHER, Roles.SUBMITTER);
        TestUsers.signInAsDesk();
        Map<String, Object> body = Api.claim(Api.ensureActor(Api.unique("Sourced")), "Strikes hit a convoy",
                clock.instant().minus(Duration.ofHours(1)).toString());
        body.put("source", Map.of("url", "https://wire.example/convoy", "title", "Convoy hit", "publisher", "Wire"));
        claim = given().contentType(ContentType.JSON).body(body).when().post("/api/claims")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void theClaimsSourceIsItsFirstEvidenceAndMoreIsAddedAndRemovedOnRecord() {
        given().when().get("/api/claims/" + claim).then().statusCode(200)
                .body("evidence", hasSize(1), "evidence[0].url", equalTo("https://wire.example/convoy"),
                        "evidence[0].publisher", equalTo("Wire"), "evidence[0].kind", equalTo("ARTICLE"),
                        "evidence[0].addedBy", equalTo(TestUsers.DESK));
        Instant before = clock.instant();
        clock.advance(Duration.ofSeconds(5));

        long video = given().contentType(ContentType.JSON)
                .body(Map.of("url", "https://video.example/v1", "publisher", "Local TV", "kind", "VIDEO",
                        "archivedUrl", "https://archive.example/v1", "accessedAt", before.toString(), "note", "at 0:42"))
                .when().post("/api/claims/" + claim + "/evidence")
                .then().statusCode(201).header("Location", containsString("/evidence/"))
                .body("kind", equalTo("VIDEO"), "addedBy", equalTo(TestUsers.DESK), "note", equalTo("at 0:42"))
                .extract().jsonPath().getLong("id");
        given().when().get("/api/claims/" + claim).then()
                .body("evidence.url", contains("https://wire.example/convoy", "https://video.example/v1"));
        given().queryParam("knownAt", before.toString()).when().get("/api/claims/" + claim).then().statusCode(200)
                .body("evidence.url", contains("https://wire.example/convoy"));

        // Only the one who added it, or an editor, removes it; with a reason; once.
        given().auth().preemptive().basic(OTHER, TestUsers.PASSWORD).queryParam("reason", "mine now")
                .when().delete("/api/claims/" + claim + "/evidence/" + video).then().statusCode(409)
                .body("detail", containsString("only they or an editor"));
        given().when().delete("/api/claims/" + claim + "/evidence/" + video).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        clock.advance(Duration.ofSeconds(5));
        Instant whileThere = clock.instant();
        clock.advance(Duration.ofSeconds(5));
        given().auth().preemptive().basic(EDITOR, TestUsers.PASSWORD).queryParam("reason", "the video is of another convoy")
                .when().delete("/api/claims/" + claim + "/evidence/" + video).then().statusCode(200)
                .body("removedBy", equalTo(EDITOR), "removalReason", equalTo("the video is of another convoy"),
                        "removedAt", notNullValue());
        given().queryParam("reason", "again").when().delete("/api/claims/" + claim + "/evidence/" + video)
                .then().statusCode(409);

        given().when().get("/api/claims/" + claim).then().body("evidence.url", contains("https://wire.example/convoy"));
        given().queryParam("knownAt", whileThere.toString()).when().get("/api/claims/" + claim).then()
                .body("evidence.url", contains("https://wire.example/convoy", "https://video.example/v1"));
        given().when().get("/api/claims/" + claim + "/evidence").then().statusCode(200)
                .body("", hasSize(2), "[1].removedBy", equalTo(EDITOR));
        given().when().get("/api/claims/" + claim + "/history").then().statusCode(200)
                .body("findAll { it.kind == 'EVIDENCE' }.evidence.action", contains("added", "removed"),
                        "find { it.kind == 'EVIDENCE' && it.evidence.action == 'removed' }.cause",
                        containsString("removed evidence #" + video + " (VIDEO, Local TV, https://video.example/v1):"
                                + " the video is of another convoy"));
    }

    @Test
    void onlyEditorsAddToTheReviewAndBadInputIsRefusedWithoutATrace() {
        given().contentType(ContentType.JSON).body(Map.of("url", "https://x.example", "forReview", true))
                .when().post("/api/claims/" + claim + "/evidence").then().statusCode(400)
                .body("errors[0].field", equalTo("forReview"));
        given().auth().preemptive().basic(EDITOR, TestUsers.PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("url", "https://ministry.example/list.csv", "kind", "DATASET", "forReview", true))
                .when().post("/api/claims/" + claim + "/evidence").then().statusCode(201).body("forReview", equalTo(true));

        for (Map<String, Object> bad : new Map[] {
                Map.of("note", "neither url nor title"),
                Map.of("url", "ftp://x.example/file"),
                Map.of("url", "https://x.example", "archivedUrl", "javascript:alert(1)"),
                Map.of("url", "https://x.example", "kind", "RUMOUR"),
                Map.of("url", "https://x.example", "kind", 3),
                Map.of("url", "https://x.example", "accessedAt", "2999-01-01T00:00:00Z"),
                Map.of("url", "https://x.example", "accessedAt", "-999999999-01-01T00:00:00Z"),
                Map.of("url", "https://x.example", "secret", "x"),
                Map.of("title", "a\u0000b"),
                Map.of("url", "https://x.example/" + "a".repeat(2000))}) {
            given().contentType(ContentType.JSON).body(new HashMap<>(bad))
                    .when().post("/api/claims/" + claim + "/evidence").then().log().ifValidationFails().statusCode(400);
        }
        given().contentType(ContentType.JSON).body("[]").when().post("/api/claims/" + claim + "/evidence")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).when().post("/api/claims/" + claim + "/evidence").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("url", "https://x.example"))
                .when().post("/api/claims/987654321/evidence").then().statusCode(404);
        given().auth().none().contentType(ContentType.JSON).body(Map.of("url", "https://x.example"))
                .when().post("/api/claims/" + claim + "/evidence").then().statusCode(401);
        given().queryParam("reason", "r").when().delete("/api/claims/" + claim + "/evidence/987654321").then().statusCode(404);

        given().when().get("/api/claims/" + claim + "/evidence").then().statusCode(200).body("", hasSize(2));
    }

    @Test
    void theListFiltersClaimsWithAndWithoutEvidence() {
        long bare = Api.submit(Api.unique("Unsourced"), clock.instant().minus(Duration.ofHours(1)).toString());
        given().queryParam("hasEvidence", "true").queryParam("size", 100).when().get("/api/claims").then().statusCode(200)
                .body("items.id", hasItem((int) claim), "items.id", not(hasItem((int) bare)));
        given().queryParam("hasEvidence", "false").queryParam("size", 100).when().get("/api/claims").then().statusCode(200)
                .body("items.id", hasItem((int) bare), "items.id", not(hasItem((int) claim)));
        given().queryParam("hasEvidence", "maybe").when().get("/api/claims").then().statusCode(400)
                .body("errors[0].field", equalTo("hasEvidence"));
    }
}
