package io.claimtrack.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

/** Exports of a filtered claim list: CSV as RFC 4180 says, NDJSON that imports back with the same statuses. */
@QuarkusTest
class ClaimExportTest {

    private String run;
    private String topic;

    @BeforeEach
    void setUp() {
        TestUsers.signInAsDesk();
        run = "exported" + UUID.randomUUID().toString().substring(0, 8);
        topic = "Topic " + run;
    }

    @Test
    void theCsvHasAHeaderAndOneRowPerClaimQuotedAsRfc4180Says() {
        String a = Api.actor("State " + run, "STATE", "bloc A " + run);
        String b = Api.actor("Rival " + run, "STATE", "bloc B " + run);
        String awkward = "He said \"no\", then\nyes " + run;
        long first = submit(a, awkward, 5, null);
        long formula = submit(b, "=HYPERLINK(\"https://evil.example\") " + run, 4, first);
        submit(a, "Unrelated " + run, 3, null);

        String csv = given().queryParam("format", "csv").queryParam("topic", topic).when().get("/api/claims/export")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString(".csv")).extract().asString();
        List<List<String>> rows = parse(csv);
        assertEquals(ClaimCsvExport.HEADER, rows.get(0));
        assertEquals(4, rows.size(), csv);
        Map<String, String> firstRow = byHeader(rows, 1);
        assertEquals(String.valueOf(first), firstRow.get("id"));
        assertEquals(awkward, firstRow.get("text"));
        assertEquals("CONTESTED", firstRow.get("status"));
        assertEquals(given().when().get("/api/claims/" + first).then().extract().jsonPath().getString("reason.explanation"),
                firstRow.get("reason"));
        Map<String, String> formulaRow = byHeader(rows, 2);
        assertEquals(String.valueOf(formula), formulaRow.get("id"));
        assertEquals("'=HYPERLINK(\"https://evil.example\") " + run, formulaRow.get("text"), "no formula runs");
        assertEquals(String.valueOf(first), formulaRow.get("disputes"));
        assertEquals("UNASSIGNED", formulaRow.get("review"));

        given().when().get("/api/claims/export").then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().queryParam("format", "xml").when().get("/api/claims/export").then().statusCode(400)
                .body("detail", containsString("csv or ndjson"));
        given().queryParam("format", "csv").queryParam("asOf", "2020-01-01").when().get("/api/claims/export").then()
                .statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().queryParam("format", "csv").queryParam("status", "MAYBE").when().get("/api/claims/export").then()
                .statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void theNdjsonOfWholeThreadsImportsBackWithTheSameStatuses() {
        String a = Api.actor("State " + run, "STATE", "bloc A " + run);
        String b = Api.actor("Rival " + run, "STATE", "bloc B " + run);
        String c = Api.actor("Ally " + run, "STATE", "bloc C " + run);
        long strikes = submit(a, "Strikes on targets " + run, 6, null);
        long doubt = submit(b, "Not on targets " + run, 5, strikes);
        Map<String, Object> backing = claim(c, "Rival is right " + run, 4);
        backing.put("supports", doubt);
        Api.submit(backing);
        long alone = submit(a, "A second statement " + run, 3, null);
        given().contentType(ContentType.JSON).body(Map.of("status", "REFUTED", "reason", "checked " + run))
                .when().post("/api/claims/" + alone + "/verdicts").then().statusCode(201);

        String ndjson = given().queryParam("format", "ndjson").queryParam("topic", topic).when().get("/api/claims/export")
                .then().statusCode(200).contentType(containsString("application/x-ndjson")).extract().asString();
        String run2 = run.replace("exported", "reimported");
        List<String> lines = ndjson.lines().map(line -> line.replace(run, run2)).toList();
        assertEquals(3, lines.stream().filter(line -> line.contains("\"type\":\"actor\"")).count(), ndjson);
        assertEquals(4, lines.stream().filter(line -> line.contains("\"type\":\"claim\"")).count(), ndjson);
        long job = given().contentType(ImportResource.NDJSON).body(String.join("\n", lines).getBytes(StandardCharsets.UTF_8))
                .when().post("/api/imports").then().statusCode(202).extract().jsonPath().getLong("id");
        JsonPath done = Await.until("import #" + job, Duration.ofSeconds(60),
                () -> given().when().get("/api/imports/" + job).then().extract().jsonPath(),
                j -> !"QUEUED".equals(j.getString("state")) && !"RUNNING".equals(j.getString("state")));
        assertEquals(0, done.getInt("rejected"), done.prettify());

        Map<String, String> before = statusesByText(run);
        Map<String, String> after = statusesByText(run2);
        assertEquals(4, after.size());
        before.forEach((text, status) -> assertEquals(status, after.get(text.replace(run, run2)), text));
        assertEquals("REFUTED", after.get("A second statement " + run2));
    }

    private long submit(String claimant, String text, int hoursAgo, Long disputes) {
        Map<String, Object> claim = claim(claimant, text, hoursAgo);
        if (disputes != null) {
            claim.put("disputes", disputes);
        }
        return Api.submit(claim);
    }

    private Map<String, Object> claim(String claimant, String text, int hoursAgo) {
        Map<String, Object> claim = Api.claim(claimant, text, Instant.now().minus(Duration.ofHours(hoursAgo)).toString());
        claim.put("topic", topic);
        return claim;
    }

    private Map<String, String> statusesByText(String marker) {
        Map<String, String> byText = new HashMap<>();
        given().queryParam("q", marker).queryParam("size", 100).when().get("/api/claims").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("items")
                .forEach(item -> byText.put((String) item.get("text"), (String) item.get("status")));
        return byText;
    }

    private static Map<String, String> byHeader(List<List<String>> rows, int row) {
        Map<String, String> named = new HashMap<>();
        for (int i = 0; i < rows.get(0).size(); i++) {
            named.put(rows.get(0).get(i), rows.get(row).get(i));
        }
        return named;
    }

    /** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF between records. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.length() == 0) {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else if (ch == '\n' || ch == '\r') {
                throw new AssertionError("a bare line break outside quotes at " + i);
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            throw new AssertionError("the last record does not end with CRLF");
        }
        return rows;
    }
}
