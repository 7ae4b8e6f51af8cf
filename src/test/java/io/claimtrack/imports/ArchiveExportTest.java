package io.claimtrack.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.testing.Api;
import io.claimtrack.testing.Await;
import io.claimtrack.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The archive out as NDJSON and back in through an import (how an H2 file's data moves to PostgreSQL): the
 * claims come back with their relations, sources and verdicts in force, and so with the same statuses.
 */
@QuarkusTest
class ArchiveExportTest {

    private String run;

    @BeforeEach
    void setUp() {
        TestUsers.signInAsDesk();
        run = "export" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldImportWhatItExportsWithTheSameStatuses() {
        String at = Instant.now().minus(Duration.ofHours(5)).toString();
        String later = Instant.now().minus(Duration.ofHours(4)).toString();
        Api.actor("State " + run, "STATE", "bloc A " + run);
        Api.actor("Rival " + run, "STATE", "bloc B " + run);
        Api.actor("Monitor " + run, "NGO");
        Map<String, Object> root = Api.claim("State " + run, "strikes on targets " + run, at);
        root.put("source", Map.of("url", "https://example.org/" + run, "title", "Briefing", "publisher", "Agency"));
        root.put("quote", "we struck " + run);
        long strikes = Api.submit(root);
        long doubt = Api.relate("Rival " + run, "disputes", strikes, later);
        Api.relate("Monitor " + run, "supports", doubt, later);
        long judged = Api.submit(Api.claim("Monitor " + run, "civilian sites hit " + run, at));
        given().contentType(ContentType.JSON).body(Map.of("status", "REFUTED", "reason", "satellite images " + run))
                .when().post("/api/claims/" + judged + "/verdicts").then().statusCode(201);
        long withdrawn = given().contentType(ContentType.JSON).body(Map.of("status", "CONFIRMED", "reason", "mistaken"))
                .when().post("/api/claims/" + strikes + "/verdicts").then().statusCode(201).extract().jsonPath().getLong("id");
        given().when().delete("/api/claims/" + strikes + "/verdicts/" + withdrawn).then().statusCode(200);

        given().when().get("/api/export").then().statusCode(403);
        given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).accept(ContentType.JSON)
                .when().get("/api/export").then().statusCode(406)
                .body("detail", org.hamcrest.Matchers.equalTo("This resource answers application/x-ndjson"));
        given().contentType("text/csv").body("{}").when().post("/api/imports").then().statusCode(415)
                .body("detail", org.hamcrest.Matchers.startsWith("Send the body as application/x-ndjson"));
        String archive = given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .when().get("/api/export").then().statusCode(200)
                .contentType(containsString("application/x-ndjson"))
                .header("Content-Disposition", containsString(".ndjson")).extract().asString();

        // This run's lines, renamed so that they import beside the originals into this same store.
        String run2 = run.replace("export", "copied");
        List<String> ours = archive.lines().filter(line -> line.contains(run)).map(line -> line.replace(run, run2)).toList();
        assertEquals(3, ours.stream().filter(line -> line.contains("\"type\":\"actor\"")).count(), String.join("\n", ours));
        assertEquals(4, ours.stream().filter(line -> line.contains("\"type\":\"claim\"")).count());
        assertEquals(1, ours.stream().filter(line -> line.contains("\"type\":\"verdict\"")).count(), "withdrawn verdicts stay out");
        long job = given().contentType(ImportResource.NDJSON).body(String.join("\n", ours).getBytes(StandardCharsets.UTF_8))
                .when().post("/api/imports").then().statusCode(202).extract().jsonPath().getLong("id");
        JsonPath done = awaitFinished(job);
        assertEquals(0, done.getInt("rejected"), done.prettify());

        Map<String, JsonPath> before = claimsByText(run);
        Map<String, JsonPath> after = claimsByText(run2);
        assertEquals(4, after.size());
        before.forEach((text, original) -> {
            JsonPath copy = after.get(text.replace(run, run2));
            assertEquals(original.getString("status"), copy.getString("status"), text);
            assertEquals(original.getList("flags"), copy.getList("flags"), text);
            assertEquals(original.getString("assertedAt"), copy.getString("assertedAt"), text);
            for (String field : List.of("source.url", "source.title", "source.publisher", "quote", "topic")) {
                String value = original.getString(field);
                assertEquals(value == null ? null : value.replace(run, run2), copy.getString(field), text + ": " + field);
            }
        });
        assertEquals("REFUTED", after.get("civilian sites hit " + run2).getString("status"), "the verdict came along");
        assertTrue(after.get("Rival " + run2 + " disputes #" + strikes).getString("disputes") != null, "the relation came along");
    }

    /** Evidence added since submission and the desk's review travel too; reviews are restored by admins only. */
    @Test
    void shouldCarryEvidenceAndReviewsAcrossAnExport() {
        TestUsers.ensure("archive-editor-one", "EDITOR");
        TestUsers.ensure("archive-editor-two", "EDITOR");
        TestUsers.ensure("archivist", "ADMIN", "SUBMITTER", "ANALYST");
        Api.actor("Ministry " + run, "STATE", "bloc M " + run);
        Map<String, Object> body = Api.claim("Ministry " + run, "no civilians were hit " + run,
                Instant.now().minus(Duration.ofHours(3)).toString());
        body.put("source", Map.of("url", "https://example.org/briefing-" + run, "publisher", "Ministry"));
        long claim = Api.submit(body);
        given().contentType(ContentType.JSON).body(Map.of("url", "https://video.example/" + run, "kind", "VIDEO",
                "publisher", "Local TV")).when().post("/api/claims/" + claim + "/evidence").then().statusCode(201);
        for (String[] step : new String[][] {{"archive-editor-one", "assign", "{\"assignee\":\"archive-editor-one\"}"},
                {"archive-editor-one", "start", "{}"},
                {"archive-editor-one", "rate", "{\"rating\":\"FALSE\",\"summary\":\"Footage shows otherwise " + run + "\"}"},
                {"archive-editor-two", "publish", "{\"url\":\"https://desk.example/" + run + "\"}"}}) {
            given().auth().preemptive().basic(step[0], TestUsers.PASSWORD).contentType(ContentType.JSON).body(step[2])
                    .when().post("/api/claims/" + claim + "/review/" + step[1]).then().statusCode(200);
        }
        String archive = given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .when().get("/api/export").then().statusCode(200).extract().asString();
        String ref = "\"c" + claim + "\"";
        List<String> lines = archive.lines().filter(line -> line.contains(run) || line.contains(ref)).toList();
        assertEquals(1, lines.stream().filter(line -> line.contains("\"type\":\"evidence\"")).count(),
                "the claim's own source rides in its line: " + String.join("\n", lines));
        assertEquals(1, lines.stream().filter(line -> line.contains("\"type\":\"review\"")).count());

        String run2 = run.replace("export", "copied");
        byte[] copy = String.join("\n", lines.stream().map(line -> line.replace(run, run2)).toList())
                .getBytes(StandardCharsets.UTF_8);
        // A submitter who is not an admin: the review line is refused, the rest stored.
        JsonPath refused = awaitFinished(given().contentType(ImportResource.NDJSON).body(copy).when().post("/api/imports")
                .then().statusCode(202).extract().jsonPath().getLong("id"));
        assertEquals(1, refused.getInt("rejected"), refused.prettify());
        assertTrue(refused.getString("errors[0].message").contains("admins only"), refused.prettify());

        String run3 = run.replace("export", "restored");
        byte[] restore = String.join("\n", lines.stream().map(line -> line.replace(run, run3)).toList())
                .getBytes(StandardCharsets.UTF_8);
        JsonPath done = awaitFinished(given().auth().preemptive().basic("archivist", TestUsers.PASSWORD)
                .contentType(ImportResource.NDJSON).body(restore).when().post("/api/imports")
                .then().statusCode(202).extract().jsonPath().getLong("id"));
        assertEquals(0, done.getInt("rejected"), done.prettify());
        long restored = given().queryParam("q", "no civilians were hit " + run3).when().get("/api/claims")
                .then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        given().when().get("/api/claims/" + restored).then().statusCode(200)
                .body("evidence.url", org.hamcrest.Matchers.contains("https://example.org/briefing-" + run3,
                                "https://video.example/" + run3),
                        "review.state", org.hamcrest.Matchers.equalTo("PUBLISHED"),
                        "review.rating", org.hamcrest.Matchers.equalTo("FALSE"),
                        "review.publishedBy", org.hamcrest.Matchers.equalTo("archive-editor-two"));
        given().when().get("/api/claims/" + restored + "/history").then().statusCode(200)
                .body("find { it.kind == 'REVIEW' }.cause", containsString("archivist restored the review from an archive"
                        + " (PUBLISHED, FALSE): rated by archive-editor-one, published by archive-editor-two there"));
    }

    @Test
    void shouldTakeVerdictLinesFromAnalystsOnly() {
        Api.actor("Speaker " + run, "PERSON");
        long claim = Api.submit(Api.claim("Speaker " + run, "a claim to judge " + run, Instant.now().minusSeconds(600).toString()));
        String verdict = "{\"type\": \"verdict\", \"claim\": " + claim + ", \"status\": \"REFUTED\", \"reason\": \"records\"}";
        TestUsers.ensure("submitter-only", "SUBMITTER");
        long refused = given().auth().preemptive().basic("submitter-only", TestUsers.PASSWORD).contentType(ImportResource.NDJSON)
                .body(verdict.getBytes(StandardCharsets.UTF_8)).when().post("/api/imports")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        JsonPath job = awaitFinished(refused);
        assertEquals(1, job.getInt("rejected"));
        assertEquals("type", job.getString("errors[0].field"));
        assertTrue(job.getString("errors[0].message").contains("analysts only"), job.prettify());
        given().when().get("/api/claims/" + claim).then().body("status", org.hamcrest.Matchers.equalTo("UNVERIFIED"));

        String noClaim = "{\"type\": \"verdict\", \"claim\": \"no-such-ref\", \"status\": \"REFUTED\", \"reason\": \"x\"}";
        long accepted = given().contentType(ImportResource.NDJSON).body((noClaim + "\n" + verdict).getBytes(StandardCharsets.UTF_8))
                .when().post("/api/imports").then().statusCode(202).extract().jsonPath().getLong("id");
        job = awaitFinished(accepted);
        assertEquals(1, job.getInt("rejected"), job.prettify());
        assertEquals("claim", job.getString("errors[0].field"));
        assertEquals(1, job.getInt("stored"));
        given().when().get("/api/claims/" + claim).then().body("status", org.hamcrest.Matchers.equalTo("REFUTED"));
    }

    private JsonPath awaitFinished(long job) {
        return Await.until("import #" + job, Duration.ofSeconds(60),
                () -> given().when().get("/api/imports/" + job).then().extract().jsonPath(),
                j -> !"QUEUED".equals(j.getString("state")) && !"RUNNING".equals(j.getString("state")));
    }

    private Map<String, JsonPath> claimsByText(String marker) {
        List<Map<String, Object>> items = given().queryParam("q", marker).queryParam("size", 100).when().get("/api/claims")
                .then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, JsonPath> byText = new HashMap<>();
        for (Map<String, Object> item : items) {
            long id = ((Number) item.get("id")).longValue();
            byText.put((String) item.get("text"), given().when().get("/api/claims/" + id).then().extract().jsonPath());
        }
        return byText;
    }
}
