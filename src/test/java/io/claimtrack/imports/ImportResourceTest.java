package io.claimtrack.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.time.MovableClock;
import io.claimtrack.testing.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.claimtrack.testing.Api;
import io.claimtrack.testing.Await;

@QuarkusTest
class ImportResourceTest {

    private static final String NDJSON = "application/x-ndjson";

    @Inject
    MovableClock clock;

    @TestHTTPResource("/api/imports")
    URI imports;

    @TestHTTPResource("/api/claims")
    URI claims;

    /** Names unique to one test run: the test database is shared by every test class. */
    private String run;
    private String hour1;
    private String hour2;

    @BeforeEach
    void setUp() {
        TestUsers.signInAsDesk();
        run = UUID.randomUUID().toString().substring(0, 8);
        hour1 = clock.instant().minus(Duration.ofHours(2)).toString();
        hour2 = clock.instant().minus(Duration.ofHours(1)).toString();
    }

    @Test
    void shouldStoreGoodLinesReportBadOnesByLineAndEvaluateTheThreads() {
        String russia = "Russia " + run;
        String us = "United States " + run;
        String ghost = "Ghost " + run;
        String ndjson = String.join("\n",
                actor(russia, "STATE", "Russia"),                                          // 1
                actor(us, "STATE", "US-led coalition"),                                    // 2
                claim("strikes", russia, hour1, ""),                                       // 3
                claim("doubt", us, hour2, ", \"disputes\": \"strikes\""),                  // 4 dispute by ref
                "",                                                                         // 5 blank: skipped
                "{\"type\": \"claim\", \"text\": \"\", \"claimant\": \"" + us + "\", \"assertedAt\": \"" + hour2 + "\"}", // 6
                claim(null, ghost, hour2, ", \"supports\": \"no-such-ref\""),             // 7 unknown ref
                "{\"type\": \"claim\", \"text\": \"cut off",                                // 8 malformed
                claim(null, ghost, "2999-01-01T00:00:00Z", ""),                             // 9 in the future
                claim(null, ghost, hour2, ", \"retracts\": \"strikes\""),                  // 10 not the claimant
                claim("strikes", us, hour2, ""),                                           // 11 ref taken
                "{\"type\": \"review\"}",                                                   // 12 unknown type
                actor(russia, "STATE", "Russia"));                                          // 13 name taken

        long id = given().contentType(NDJSON).body(bytes(ndjson))
                .when().post("/api/imports")
                .then().statusCode(202)
                .header("Location", containsString("/api/imports/"))
                .body("state", notNullValue())
                .extract().jsonPath().getLong("id");

        JsonPath job = awaitDone(id);
        assertEquals(13, job.getLong("linesRead"));
        assertEquals(13, job.getLong("totalLines"), "counted as the upload was kept (the last line has no line end)");
        assertEquals(4, job.getLong("stored"), "2 actors and 2 claims");
        assertEquals(8, job.getLong("rejected"));
        assertEquals(1, job.getLong("threadsEvaluated"));
        assertEquals(List.of(6, 7, 8, 9, 10, 11, 12, 13), job.getList("errors.line").stream().distinct().toList());
        assertEquals("text", error(job, 6, "field"));
        assertEquals("supports", error(job, 7, "field"));
        assertEquals(1, job.getList("errors.findAll { it.line == 7 }").size(), "one fault, reported once: " + job.prettify());
        assertEquals(null, error(job, 8, "field"));
        assertEquals("assertedAt", error(job, 9, "field"));
        assertEquals("retracts", error(job, 10, "field"));
        assertEquals("ref", error(job, 11, "field"));
        assertEquals("\"strikes\" is already the ref of line 3", error(job, 11, "message"));
        assertEquals("type", error(job, 12, "field"));
        assertEquals("name", error(job, 13, "field"));

        // The thread was evaluated: the dispute by an independent actor makes Russia's claim CONTESTED.
        given().queryParam("claimant", russia).when().get("/api/claims")
                .then().statusCode(200).body("total", equalTo(1), "items[0].status", equalTo("CONTESTED"),
                        "items[0].reason.explanation", containsString(us));
        // Rejected lines left nothing behind: the claimant they named was never registered.
        given().when().get("/api/actors").then().statusCode(200)
                .body("name", hasItem(us)).body("name", not(hasItem(ghost)));
        given().queryParam("claimant", us).when().get("/api/claims")
                .then().body("total", equalTo(1));
    }

    @Test
    void theImportsPageShowsAJobsProgressAndItsFirstErrorsByLine() {
        String ndjson = String.join("\n", actor("Paged state " + run, "STATE", "Paged"), "{\"type\": \"nothing\"}", "");
        long id = given().contentType(NDJSON).body(bytes(ndjson)).when().post("/api/imports").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        awaitDone(id);
        String page = given().accept("text/html").when().get("/imports").then().statusCode(200).extract().asString();
        int at = page.indexOf("data-import=\"" + id + "\"");
        assertTrue(at > 0, "the job is listed");
        String job = page.substring(at, page.indexOf("</section>", at));
        assertTrue(job.contains("<progress value=\"2\" max=\"2\">"), job);
        assertTrue(job.contains("2 of 2 lines") && job.contains("1 stored") && job.contains("1 rejected"), job);
        assertTrue(job.contains("<td>2</td><td>type</td>"), "the rejected line, by number and field: " + job);
    }

    @Test
    void shouldReferToClaimsAcrossChunksAndToStoredClaimsById() {
        String actor = Api.ensureActor("Reuters " + run);
        long stored = given().contentType("application/json")
                .body(Map.of("text", "stored before the import", "claimant", actor, "assertedAt", hour1))
                .when().post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("id");
        StringBuilder ndjson = new StringBuilder();
        // More lines than one chunk (1000 in tests too): refs must hold across chunk commits.
        ndjson.append(actor("Agency " + run, "MEDIA", "agencies " + run)).append('\n');
        ndjson.append(actor("Witness " + run, "NGO", "witnesses " + run)).append('\n');
        ndjson.append(claim("root", "Agency " + run, hour1, "")).append('\n');
        for (int i = 0; i < 1200; i++) {
            ndjson.append(claim("r" + i, "Agency " + run, hour2, ", \"supports\": \"" + (i == 0 ? "root" : "r" + (i - 1)) + "\""))
                    .append('\n');
        }
        ndjson.append(claim(null, "Witness " + run, hour2, ", \"disputes\": " + stored)).append('\n');

        long id = given().contentType(NDJSON).body(bytes(ndjson.toString()))
                .when().post("/api/imports").then().statusCode(202).extract().jsonPath().getLong("id");

        JsonPath job = awaitDone(id);
        assertEquals(1204, job.getLong("stored"), "2 actors and 1202 claims");
        assertEquals(0, job.getLong("rejected"));
        given().when().get("/api/claims/" + stored).then().statusCode(200).body("status", equalTo("CONTESTED"));
    }

    @Test
    void shouldRejectAClaimByAnUnregisteredClaimantAndStoreTheRest() {
        String known = "Known " + run;
        String ndjson = String.join("\n",
                "\uFEFF" + actor(known, "MEDIA", "known " + run),
                claim("said", known, hour1, ""),
                claim(null, "Unregistered " + run, hour2, ", \"disputes\": \"said\""),
                claim(null, known, hour2, ", \"supports\": \"said\""));

        long id = given().contentType(NDJSON).body(bytes(ndjson))
                .when().post("/api/imports").then().statusCode(202).extract().jsonPath().getLong("id");

        JsonPath job = awaitDone(id);
        assertEquals(4, job.getLong("linesRead"));
        assertEquals(3, job.getLong("stored"), "the actor (after a byte-order mark) and two claims");
        assertEquals(1, job.getLong("rejected"));
        assertEquals("claimant", error(job, 3, "field"));
        given().when().get("/api/actors").then().body("name", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem("Unregistered " + run)));
    }

    @Test
    void shouldRefuseAnonymousUploadsAndOtherMediaTypes() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        given().contentType(NDJSON).body(bytes(claim(null, "x", hour1, "")))
                .when().post("/api/imports").then().statusCode(401);
        TestUsers.signInAsDesk();
        // JSON is a ClaimReview document now (ClaimReviewImportTest): one without a review is refused as such.
        given().contentType("application/json").body("{}")
                .when().post("/api/imports").then().statusCode(422);
        given().contentType("text/csv").body("text,claimant")
                .when().post("/api/imports").then().statusCode(415);
        given().when().get("/api/imports/999999").then().statusCode(404)
                .body("detail", equalTo("No import with id 999999"));
    }

    @Test
    void shouldRefuseAnUploadOverTheLimitAndKeepNoJob() throws Exception {
        long newest = newestImport();
        byte[] tooLarge = new byte[5_000_001]; // %test.claimtrack.imports.max-bytes is 5,000,000
        java.util.Arrays.fill(tooLarge, (byte) 'x');

        // With a length, the server may answer 413 and close the connection before the client has sent it all.
        try {
            assertEquals(413, send(imports, NDJSON, HttpRequest.BodyPublishers.ofByteArray(tooLarge)).statusCode());
        } catch (IOException closedWhileSending) {
            // refused before the body was read: what matters is below
        }
        // Chunked, without a length: counted while it is read, refused past the limit.
        HttpResponse<String> chunked = send(imports, NDJSON,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge)));
        assertEquals(413, chunked.statusCode(), chunked.body());

        assertEquals(newest, newestImport(), "a refused upload leaves no job");
    }

    @Test
    void shouldRefuseAChunkedBodyAnywhereButImports() throws Exception {
        byte[] claim = ("{\"text\": \"said by Chunked " + run + "\", \"claimant\": \"Chunked " + run
                + "\", \"assertedAt\": \"" + hour1 + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = send(claims, "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(claim)));
        assertEquals(411, response.statusCode(), response.body());
        given().queryParam("claimant", "Chunked " + run).when().get("/api/claims").then().body("total", equalTo(0));
    }

    /** HTTP/1.1, where a body of unknown length goes chunked. */
    private static HttpResponse<String> send(URI uri, String type, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(uri)
                .header("Content-Type", type).header("Authorization", basicDesk()).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long newestImport() {
        List<Object> ids = given().when().get("/api/imports").then().statusCode(200).extract().jsonPath().getList("id");
        return ids.isEmpty() ? 0 : ((Number) ids.get(0)).longValue();
    }

    private static String basicDesk() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((TestUsers.DESK + ":" + TestUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private JsonPath awaitDone(long id) {
        JsonPath job = Await.until("import #" + id + " to finish", Duration.ofSeconds(60),
                () -> given().when().get("/api/imports/" + id).then().statusCode(200).extract().jsonPath(),
                j -> "DONE".equals(j.getString("state")) || "FAILED".equals(j.getString("state")));
        assertEquals("DONE", job.getString("state"), job.prettify());
        return job;
    }

    private static byte[] bytes(String ndjson) {
        return ndjson.getBytes(StandardCharsets.UTF_8);
    }

    private static String error(JsonPath job, int line, String what) {
        return job.getString("errors.find { it.line == " + line + " }." + what);
    }

    private static String actor(String name, String kind, String bloc) {
        return "{\"type\": \"actor\", \"name\": \"" + name + "\", \"kind\": \"" + kind + "\", \"blocs\": [\"" + bloc + "\"]}";
    }

    private static String claim(String ref, String claimant, String at, String relation) {
        return "{\"type\": \"claim\"" + (ref == null ? "" : ", \"ref\": \"" + ref + "\"") + ", \"text\": \"said by "
                + claimant + "\", \"claimant\": \"" + claimant + "\", \"assertedAt\": \"" + at + "\"" + relation + "}";
    }
}
