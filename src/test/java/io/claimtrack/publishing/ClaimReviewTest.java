package io.claimtrack.publishing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.claimtrack.testing.Api;
import io.claimtrack.testing.Await;
import io.claimtrack.testing.TestUsers;
import io.claimtrack.time.MovableClock;
import io.claimtrack.user.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A published review as schema.org ClaimReview: emitted once published, checked against schema.org's own
 * definitions (every property on a type it belongs to, every value of a type it takes) and Google's Fact Check
 * profile (its required and recommended properties), embedded in the claim's page, listed for harvesting, and
 * gone once unpublished.
 */
@QuarkusTest
class ClaimReviewTest {

    private static final String RATER = "claimreview-rater";
    private static final String PUBLISHER = "claimreview-publisher";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MovableClock clock;

    @BeforeEach
    void signIn() {
        TestUsers.ensure(RATER, Roles.EDITOR);
        TestUsers.ensure(PUBLISHER, Roles.EDITOR);
        TestUsers.signInAsDesk();
    }

    @Test
    void aPublishedReviewIsAValidClaimReviewOnItsOwnAndInItsPage() throws IOException {
        String speaker = Api.actor(Api.unique("Minister"), "PERSON", Api.unique("bloc"));
        Map<String, Object> claim = Api.claim(speaker, "The dam was never breached </script><script>alert(1)</script>",
                clock.instant().minus(Duration.ofHours(3)).toString());
        claim.put("source", Map.of("url", "https://news.example/dam-interview", "publisher", "News Example"));
        long id = Api.submit(claim);
        given().when().get("/api/claims/" + id + "/claimreview").then().statusCode(404)
                .body("detail", containsString("has no published review"));
        Instant before = clock.instant();
        clock.advance(Duration.ofSeconds(5));

        Api.reviewStep(RATER, id, "assign", Map.of("assignee", RATER));
        Api.reviewStep(RATER, id, "start", null);
        Api.reviewStep(RATER, id, "rate", Map.of("rating", "FALSE", "summary", "Satellite images show the breach on the 6th."));
        Api.reviewStep(PUBLISHER, id, "publish", Map.of("url", "https://desk.example/checks/dam"));

        String body = given().accept("application/ld+json").when().get("/api/claims/" + id + "/claimreview").then()
                .statusCode(200).contentType("application/ld+json").extract().asString();
        JsonNode doc = JSON.readTree(body);
        assertValidAgainstSchemaOrg(doc);
        assertFollowsTheFactCheckProfile(doc);
        assertEquals("The dam was never breached </script><script>alert(1)</script>", doc.at("/claimReviewed").asText());
        assertEquals("False", doc.at("/reviewRating/alternateName").asText());
        assertEquals(doc.at("/reviewRating/worstRating").asInt(), doc.at("/reviewRating/ratingValue").asInt(),
                "FALSE is the worst of the desk's scale");
        assertEquals("Satellite images show the breach on the 6th.", doc.at("/reviewRating/ratingExplanation").asText());
        assertEquals("Person", doc.at("/itemReviewed/author/@type").asText());
        assertEquals(speaker, doc.at("/itemReviewed/author/name").asText());
        assertEquals("https://news.example/dam-interview", doc.at("/itemReviewed/appearance/0/url").asText());
        assertEquals("The claimtrack fact-check desk", doc.at("/author/name").asText());
        assertTrue(doc.at("/url").asText().endsWith("/claims/" + id), doc.at("/url").asText());

        // The claim's page carries the same document, and nothing of the claim's text closes its script element.
        String page = given().accept(ContentType.HTML).when().get("/claims/" + id).then().statusCode(200).extract().asString();
        Matcher embedded = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(page);
        assertTrue(embedded.find(), "the page embeds its ClaimReview");
        assertFalse(embedded.group(1).contains("<"), embedded.group(1));
        assertEquals(doc, JSON.readTree(embedded.group(1)));

        // Another desk reads what this one publishes: the page imports back as the desk's dispute of the same claim.
        long job = given().contentType("text/html; charset=utf-8").body(page).when().post("/api/imports").then()
                .statusCode(202).extract().jsonPath().getLong("id");
        JsonPath imported = Await.until("import #" + job, Duration.ofSeconds(60),
                () -> given().when().get("/api/imports/" + job).then().extract().jsonPath(),
                j -> "DONE".equals(j.getString("state")));
        assertEquals(1, imported.getInt("stored"), imported.prettify());
        JsonPath reviewed = given().when().get("/api/claims/" + id).then().extract().jsonPath();
        assertEquals(1, reviewed.getList("disputedBy").size(), "matched to the claim by the duplicate detection");
        given().when().get("/api/claims/" + reviewed.getLong("disputedBy[0]")).then()
                .body("claimant.name", equalTo("The claimtrack fact-check desk")).body("claimant.kind", equalTo("MEDIA"))
                .body("source.url", equalTo(doc.at("/url").asText()));

        // Harvesting: listed after an instant before it, not after its last change.
        given().queryParam("since", before.toString()).when().get("/api/claimreviews").then().statusCode(200)
                .body("find { it.url.endsWith('/claims/" + id + "') }.claimReviewed", containsString("The dam"));
        given().queryParam("since", doc.at("/dateModified").asText()).when().get("/api/claimreviews").then()
                .body("findAll { it.url.endsWith('/claims/" + id + "') }.size()", equalTo(0));
        given().queryParam("limit", "0").when().get("/api/claimreviews").then().statusCode(400);

        Api.reviewStep(PUBLISHER, id, "unpublish", Map.of("reason", "the satellite images were of another dam"));
        given().when().get("/api/claims/" + id + "/claimreview").then().statusCode(404);
        given().queryParam("since", before.toString()).when().get("/api/claimreviews").then()
                .body("findAll { it.url.endsWith('/claims/" + id + "') }.size()", equalTo(0));
        assertFalse(given().when().get("/claims/" + id).then().extract().asString().contains("application/ld+json"));
    }


    /** Google's profile: claimReviewed, reviewRating.alternateName, url, author.name required; the rest recommended. */
    private static void assertFollowsTheFactCheckProfile(JsonNode doc) {
        assertEquals("https://schema.org", doc.at("/@context").asText());
        assertEquals("ClaimReview", doc.at("/@type").asText());
        for (String required : List.of("/claimReviewed", "/reviewRating/alternateName", "/url", "/author/name")) {
            assertFalse(doc.at(required).asText().isBlank(), required + " is required");
        }
        for (String recommended : List.of("/datePublished", "/itemReviewed/author/name", "/itemReviewed/datePublished",
                "/itemReviewed/appearance/0/url", "/reviewRating/ratingValue", "/reviewRating/bestRating",
                "/reviewRating/worstRating")) {
            assertFalse(doc.at(recommended).isMissingNode(), recommended + " is recommended");
        }
        int value = doc.at("/reviewRating/ratingValue").asInt();
        assertTrue(doc.at("/reviewRating/worstRating").asInt() <= value && value <= doc.at("/reviewRating/bestRating").asInt());
    }

    /** Every property is defined for the type of the node it is on, and every value is of a type its range takes. */
    private static void assertValidAgainstSchemaOrg(JsonNode doc) throws IOException {
        JsonNode vocabulary;
        try (InputStream in = ClaimReviewTest.class.getResourceAsStream("/schemaorg/claimreview-vocabulary.json")) {
            vocabulary = JSON.readTree(in);
        }
        List<String> problems = new ArrayList<>();
        check(doc, "", vocabulary, problems);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void check(JsonNode node, String path, JsonNode vocabulary, List<String> problems) {
        String type = node.path("@type").asText();
        if (!vocabulary.path("types").has(type)) {
            problems.add(path + ": @type " + type + " is not a schema.org type this profile uses");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().startsWith("@")) {
                continue;
            }
            JsonNode property = vocabulary.path("properties").path(field.getKey());
            String at = path + "/" + field.getKey();
            if (property.isMissingNode()) {
                problems.add(at + ": no such schema.org property");
                continue;
            }
            if (!isA(type, texts(property.path("domain")), vocabulary)) {
                problems.add(at + ": not a property of " + type);
            }
            List<JsonNode> values = new ArrayList<>();
            field.getValue().forEach(values::add);
            if (!field.getValue().isArray()) {
                values = List.of(field.getValue());
            }
            for (JsonNode value : values) {
                checkValue(value, texts(property.path("range")), at, vocabulary, problems);
            }
        }
    }

    private static void checkValue(JsonNode value, Set<String> range, String at, JsonNode vocabulary, List<String> problems) {
        if (value.isObject()) {
            String type = value.path("@type").asText();
            if (range.stream().noneMatch(r -> isA(type, Set.of(r), vocabulary))) {
                problems.add(at + ": a " + type + " where schema.org takes " + range);
            }
            check(value, at, vocabulary, problems);
        } else if (value.isNumber()) {
            if (!range.contains("Number")) {
                problems.add(at + ": a number where schema.org takes " + range);
            }
        } else if (range.contains("URL")) {
            URI uri = URI.create(value.asText());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                problems.add(at + ": not an http(s) URL: " + value.asText());
            }
        } else if (range.contains("DateTime") || range.contains("Date")) {
            try {
                Instant.parse(value.asText());
            } catch (DateTimeParseException notAnInstant) {
                try {
                    LocalDate.parse(value.asText());
                } catch (DateTimeParseException notADate) {
                    problems.add(at + ": not an ISO 8601 date or date-time: " + value.asText());
                }
            }
        } else if (!range.contains("Text") || !value.isTextual()) {
            problems.add(at + ": text where schema.org takes " + range);
        }
    }

    /** Whether {@code type} is one of {@code types} or a subtype of one. */
    private static boolean isA(String type, Set<String> types, JsonNode vocabulary) {
        if (types.contains(type)) {
            return true;
        }
        for (JsonNode parent : vocabulary.path("types").path(type)) {
            if (isA(parent.asText(), types, vocabulary)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new java.util.HashSet<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
