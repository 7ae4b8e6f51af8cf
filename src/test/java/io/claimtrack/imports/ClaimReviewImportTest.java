package io.claimtrack.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.testing.Api;
import io.claimtrack.testing.Await;
import io.claimtrack.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Other fact-checkers' ClaimReview, imported: a Fact Check Tools response and a page's JSON-LD become the claims
 * reviewed (matched to stored ones where the duplicate detection finds them), their publishers as MEDIA actors, and
 * each review as its publisher's dispute or support by the desk's rating mapping; what the mapping does not cover,
 * and what the review lacks, is reported on the review's line and leaves nothing behind.
 */
@QuarkusTest
class ClaimReviewImportTest {

    private String run;

    @BeforeEach
    void setUp() {
        TestUsers.signInAsDesk();
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aFactCheckToolsResponseBecomesClaimsActorsAndRelations() throws IOException {
        Api.actor("Russia " + run, "STATE", "Russia-led " + run);
        long strikes = Api.submit(Api.claim("Russia " + run, "Russian air strikes in Syria hit only Islamic State targets "
                + run, "2015-09-30T12:00:00Z"));

        JsonPath job = importDocument("application/json", fixture("factchecktools-response.json"));
        assertEquals("DONE", job.getString("state"), job.prettify());
        assertEquals(2, job.getInt("stored"), job.prettify());
        assertEquals(2, job.getInt("rejected"), job.prettify());
        assertError(job, 2, "$.claims[0].claimReview[1].textualRating", "\"Half True\" is not in the desk's rating mapping");
        assertError(job, 4, "$.claims[2].claimant", "is required");

        // The first review matched the stored claim and disputes it, as its publisher, now a MEDIA actor.
        JsonPath claim = given().when().get("/api/claims/" + strikes).then().statusCode(200).extract().jsonPath();
        assertEquals(1, claim.getList("disputedBy").size(), claim.prettify());
        long dispute = claim.getLong("disputedBy[0]");
        JsonPath review = given().when().get("/api/claims/" + dispute).then().statusCode(200).extract().jsonPath();
        assertEquals("Fact Desk A " + run, review.getString("claimant.name"));
        assertEquals("MEDIA", review.getString("claimant.kind"));
        assertEquals("https://factdeska.example/checks/russian-strikes-" + run, review.getString("source.url"));
        assertEquals("Did Russia's first strikes hit Islamic State?", review.getString("source.title"));
        assertEquals("2015-10-02T09:30:00Z", review.getString("assertedAt"));
        assertEquals("Rates \"Russian air strikes in Syria hit only Islamic State targets " + run + "\" as \"Mostly False\"",
                review.getString("text"));

        // The second claim was new, with its claimant registered; the review supports it ("Correct").
        JsonPath sorties = onlyClaim("Coalition aircraft flew 200 sorties over Raqqa last week " + run);
        assertEquals("Sergei Example " + run, sorties.getString("claimant.name"));
        assertEquals("OTHER", sorties.getString("claimant.kind"), "a bare name says nothing of who the claimant is");
        assertEquals("2015-10-01T08:00:00Z", sorties.getString("assertedAt"));
        assertEquals(1, sorties.getList("supportedBy").size());

        // The rejected reviews left nothing: no claim for the review without a claimant, no actor for Fact Desk B.
        assertEquals(0, claims("Strikes hit a hospital in Homs " + run).size());
        assertTrue(actorNames().stream().noneMatch(name -> name.equals("Fact Desk B " + run)));

        // Harvested again, the same reviews are not stored twice.
        long before = Api.claimCount();
        JsonPath again = importDocument("application/json", fixture("factchecktools-response.json"));
        assertEquals(0, again.getInt("stored"), again.prettify());
        assertError(again, 1, "$.claims[0].claimReview[0].url", "already imported: claim #" + dispute);
        assertEquals(before, Api.claimCount());
    }

    @Test
    void aPagesJsonLdBecomesAClaimWithItsAppearancesAndTheReviewsDispute() throws IOException {
        byte[] page = fixture("claimreview-page.html");
        JsonPath job = importDocument("text/html; charset=utf-8", page);
        assertEquals(page.length, job.getLong("bytes"), "the size of the page sent");
        assertEquals(1, job.getInt("stored"), job.prettify());
        assertEquals(1, job.getInt("rejected"), job.prettify());
        assertError(job, 2, "script[1]$", "this JSON-LD block is not JSON");

        JsonPath claim = onlyClaim("France never said the Russian strikes missed Islamic State " + run);
        assertEquals("Jean Example " + run, claim.getString("claimant.name"));
        assertEquals("PERSON", claim.getString("claimant.kind"));
        assertEquals("2015-10-05T00:00:00Z", claim.getString("assertedAt"));
        List<String> evidence = claim.getList("evidence.url");
        assertTrue(evidence.contains("https://video.example/watch?v=jean-" + run), evidence.toString());
        assertTrue(evidence.contains("https://social.example/jean/status/" + run), evidence.toString());
        assertEquals(1, claim.getList("disputedBy").size(), "Pants on Fire! (1 of 1 to 5) disputes it");
        JsonPath review = given().when().get("/api/claims/" + claim.getLong("disputedBy[0]")).then().extract().jsonPath();
        assertEquals("Fact Desk C " + run, review.getString("claimant.name"));
        assertEquals("MEDIA", review.getString("claimant.kind"));
        assertTrue(review.getString("text").contains("The French foreign minister said so on 1 October, on camera."));
    }

    @Test
    void aNumericRatingOutsideTheMappingAndConflictingRatingsAreReportedNotGuessed() {
        String document = """
                [{"@context": "https://schema.org", "@type": "ClaimReview", "url": "https://d.example/1-%1$s",
                  "claimReviewed": "Middle of the scale %1$s", "datePublished": "2015-10-06",
                  "author": {"@type": "Organization", "name": "Fact Desk D %1$s"},
                  "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Somebody %1$s"}},
                  "reviewRating": {"@type": "Rating", "ratingValue": 3, "bestRating": 5, "worstRating": 1}},
                 {"@context": "https://schema.org", "@type": "ClaimReview", "url": "https://d.example/2-%1$s",
                  "claimReviewed": "Words and numbers disagree %1$s", "datePublished": "2015-10-06",
                  "author": {"@type": "Organization", "name": "Fact Desk D %1$s"},
                  "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Somebody %1$s"}},
                  "reviewRating": {"@type": "Rating", "ratingValue": 5, "alternateName": "False"}},
                 {"@context": "https://schema.org", "@type": "ClaimReview", "url": "https://d.example/3-%1$s",
                  "claimReviewed": "Written in the future %1$s", "datePublished": "2999-01-01",
                  "author": {"@type": "Organization", "name": "Fact Desk D %1$s"},
                  "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Somebody %1$s"}},
                  "reviewRating": {"@type": "Rating", "alternateName": "False"}}]
                """.formatted(run);
        long before = Api.claimCount();
        JsonPath job = importDocument("application/ld+json", document.getBytes(StandardCharsets.UTF_8));
        assertEquals(0, job.getInt("stored"), job.prettify());
        assertError(job, 1, "$[0].reviewRating.alternateName", "3 on a scale from 1 to 5 is not in the desk's rating mapping");
        assertError(job, 2, "$[1].reviewRating.alternateName", "\"False\" disputes the claim but 5 on a scale from 1 to 5"
                + " supports it");
        assertError(job, 3, "$[2].datePublished", "is in the future");
        assertEquals(before, Api.claimCount());
        assertTrue(actorNames().stream().noneMatch(name -> name.contains(run)), "no actor was registered");
    }

    @Test
    void aDocumentThatIsNotJsonOrHoldsNoClaimReviewIsRefusedWithNoJob() {
        long jobs = given().when().get("/api/imports").then().extract().jsonPath().getList("id").size();
        given().contentType("application/ld+json").body("{\"@type\": \"ClaimReview\",\n  \"url\": }")
                .when().post("/api/imports").then().statusCode(400)
                .body("detail", containsString("not JSON (line 2, column"));
        given().contentType("application/json").body("{\"@type\": \"NewsArticle\", \"headline\": \"no review here\"}")
                .when().post("/api/imports").then().statusCode(422)
                .body("detail", containsString("no ClaimReview in the document"));
        given().contentType("text/html").body("<html><body><p>Just a page</p></body></html>")
                .when().post("/api/imports").then().statusCode(422)
                .body("detail", containsString("no ClaimReview in the page (0 JSON-LD blocks)"));
        given().contentType("text/plain").body("claims").when().post("/api/imports").then().statusCode(415);
        assertEquals(jobs, given().when().get("/api/imports").then().extract().jsonPath().getList("id").size());
    }

    private byte[] fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/claimreview/" + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{run}", run).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static JsonPath importDocument(String contentType, byte[] body) {
        long job = given().contentType(contentType).body(body).when().post("/api/imports").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        return Await.until("import #" + job, Duration.ofSeconds(60),
                () -> given().when().get("/api/imports/" + job).then().extract().jsonPath(),
                j -> !"QUEUED".equals(j.getString("state")) && !"RUNNING".equals(j.getString("state")));
    }

    private static void assertError(JsonPath job, long line, String field, String message) {
        List<Map<String, Object>> errors = job.getList("errors");
        assertTrue(errors.stream().anyMatch(e -> ((Number) e.get("line")).longValue() == line
                        && field.equals(e.get("field")) && String.valueOf(e.get("message")).contains(message)),
                "line " + line + ", " + field + ": " + message + " in " + errors);
    }

    private static List<Map<String, Object>> claims(String text) {
        return given().queryParam("q", text).when().get("/api/claims").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").stream().filter(item -> text.equals(item.get("text"))).toList();
    }

    private static JsonPath onlyClaim(String text) {
        List<Map<String, Object>> found = claims(text);
        assertEquals(1, found.size(), text);
        return given().when().get("/api/claims/" + found.get(0).get("id")).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> actorNames() {
        return given().when().get("/api/actors").then().statusCode(200).extract().jsonPath().getList("name");
    }
}
