package io.claimtrack.claim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.claimtrack.time.MovableClock;
import io.claimtrack.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.claimtrack.testing.Api;

@QuarkusTest
class ClaimResourceTest {

    @BeforeEach
    void signIn() {
        TestUsers.signInAsDesk();
    }

    @Inject
    MovableClock clock;

    /** Recent instants, so that the time-driven flag STALE stays out of tests about other things. */
    private String DAY_1;
    private String DAY_2;

    @BeforeEach
    void recentDays() {
        DAY_1 = clock.instant().minus(Duration.ofHours(2)).toString();
        DAY_2 = clock.instant().minus(Duration.ofHours(1)).toString();
    }

    @Test
    void shouldShowTheSeedArticleAsContestedButNotWidely() {
        long russiaClaim = given().queryParam("claimant", "russia").queryParam("q", "AIR STRIKES against islamic")
                .when().get("/api/claims")
                .then().statusCode(200).body("total", equalTo(1))
                .extract().jsonPath().getLong("items[0].id");

        given().when().get("/api/claims/" + russiaClaim)
                .then().statusCode(200)
                .body("status", equalTo("CONTESTED"),
                        "flags", not(hasItem("WIDELY_CONTESTED")),
                        "flags", hasItem("STALE"),
                        "claimant.name", equalTo("Russia"),
                        "disputedBy", hasSize(2),
                        "reason.rule", equalTo("Claim disputed by an independent actor is CONTESTED"),
                        "reason.explanation", containsString("United States and France share the bloc \"US-led coalition\""),
                        "reason.rulesetVersion", equalTo(1),
                        "reason.since", notNullValue());

        given().queryParam("q", "informed the authorities").when().get("/api/claims")
                .then().statusCode(200)
                .body("items[0].claimant.name", equalTo("Sergei Lavrov"),
                        "items[0].status", equalTo("UNVERIFIED"),
                        "items[0].quote", containsString("We have informed the authorities"));
    }

    @Test
    void shouldCreateClaimWithLocationStatusAndFirstHistoryEntry() {
        String claimant = Api.actor(Api.unique("Syria"), "STATE", "Assad government");

        String location = given().contentType(ContentType.JSON)
                .body(Map.of("text", "Only terrorists were hit.", "claimant", claimant, "topic", "Strikes",
                        "assertedAt", DAY_1, "quote", "only terrorists",
                        "source", Map.of("url", "https://example.org/a", "title", "Report", "publisher", "Wire")))
                .when().post("/api/claims")
                .then().statusCode(201)
                .body("status", equalTo("UNVERIFIED"),
                        "claimant.name", equalTo(claimant),
                        "claimant.blocs", contains("Assad government"),
                        "source.url", equalTo("https://example.org/a"),
                        "recordedAt", notNullValue(),
                        "reason.explanation", containsString("Single source"))
                .extract().header("Location");
        long id = given().when().get(location).then().statusCode(200).extract().jsonPath().getLong("id");

        given().when().get("/api/claims/" + id + "/history")
                .then().statusCode(200)
                .body("$", hasSize(1),
                        "[0].status", equalTo("UNVERIFIED"),
                        "[0].previousStatus", nullValue(),
                        "[0].cause", equalTo("claim #" + id + " submitted"),
                        "[0].rulesetVersion", equalTo(1));
    }

    @Test
    void shouldReevaluateTheWholeThreadWhenACounterclaimArrives() {
        String russia = Api.actor(Api.unique("Moscow"), "STATE", "Russia bloc " + Api.unique("x"));
        String us = Api.actor(Api.unique("Washington"), "STATE", "Coalition " + Api.unique("x"));
        String iran = Api.actor(Api.unique("Tehran"), "STATE");
        long strikes = Api.submit(russia, DAY_1);
        long usDispute = Api.relate(us, "disputes", strikes, DAY_1);

        given().when().get("/api/claims/" + strikes)
                .then().body("status", equalTo("CONTESTED"), "disputedBy", contains((int) usDispute));

        long iranDispute = Api.relate(iran, "disputes", strikes, DAY_2);

        given().when().get("/api/claims/" + strikes)
                .then().body("status", equalTo("CONTESTED"),
                        "flags", contains("WIDELY_CONTESTED"),
                        "flagReasons[0].rule", equalTo("Claim disputed by two actors independent of each other is WIDELY_CONTESTED"),
                        "disputedBy", contains((int) usDispute, (int) iranDispute));
        given().when().get("/api/claims/" + strikes + "/history")
                .then().body("status", contains("UNVERIFIED", "CONTESTED", "CONTESTED"),
                        "flags[2]", contains("WIDELY_CONTESTED"),
                        "previousFlags[2]", empty(),
                        "cause[1]", equalTo("claim #" + usDispute + " submitted (disputes #" + strikes + ")"),
                        "cause[2]", equalTo("claim #" + iranDispute + " submitted (disputes #" + strikes + ")"));
    }

    @Test
    void shouldUpdateACounterclaimsTargetWhenTheCounterclaimIsRetracted() {
        String russia = Api.actor(Api.unique("Kremlin"), "STATE", Api.unique("bloc"));
        String us = Api.actor(Api.unique("Pentagon"), "MILITARY", Api.unique("bloc"));
        long strikes = Api.submit(russia, DAY_1);
        long usDispute = Api.relate(us, "disputes", strikes, DAY_1);

        long retraction = Api.relate(us, "retracts", usDispute, DAY_2);

        given().when().get("/api/claims/" + usDispute)
                .then().body("status", equalTo("RETRACTED"), "retractedBy", contains((int) retraction));
        given().when().get("/api/claims/" + strikes)
                .then().body("status", equalTo("UNVERIFIED"));
        given().when().get("/api/claims/" + strikes + "/history")
                .then().body("status", contains("UNVERIFIED", "CONTESTED", "UNVERIFIED"),
                        "cause[2]", equalTo("claim #" + retraction + " submitted (retracts #" + usDispute + ")"));
    }

    @Test
    void shouldNotRecordHistoryWhenNeitherStatusNorFlagsChange() {
        String russia = Api.actor(Api.unique("Russia"), "STATE", Api.unique("bloc"));
        String usBloc = Api.unique("coalition");
        String us = Api.actor(Api.unique("USA"), "STATE", usBloc);
        String uk = Api.actor(Api.unique("UK"), "STATE", usBloc);
        long strikes = Api.submit(russia, DAY_1);
        Api.relate(us, "disputes", strikes, DAY_1);
        int entries = Api.historySize(strikes);

        Api.relate(uk, "disputes", strikes, DAY_2);

        assertEquals(entries, Api.historySize(strikes), "still CONTESTED, no flag: the UK shares the US's bloc");
        given().when().get("/api/claims/" + strikes)
                .then().body("reason.explanation", containsString("share the bloc \"" + usBloc + "\""));
    }

    @Test
    void shouldRefuseAClaimByAnUnregisteredClaimantAndRegisterNobody() {
        String newcomer = Api.unique("Syrian Observatory");
        long claims = Api.claimCount();
        int actors = Api.actorCount();

        given().contentType(ContentType.JSON).body(Api.claim(newcomer, "Strikes hit no IS position", DAY_1))
                .when().post("/api/claims")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("claimant"), "detail", containsString("register this one with the claim"));

        assertEquals(claims, Api.claimCount());
        assertEquals(actors, Api.actorCount(), "no actor was made up");
    }

    /** A typo is not a new actor: the 422 names the closest registered names, and nothing is stored. */
    @Test
    void shouldNameTheClosestActorsForATypoAndRegisterOneOnlyWhenTheClaimSaysHow() {
        String name = Api.actor(Api.unique("Kremlin Press Office"), "STATE", "Russia");
        String typo = name.replace("Kremlin", "Kremiln").toLowerCase();
        long claims = Api.claimCount();
        given().contentType(ContentType.JSON).body(Api.claim(typo, "Strikes hit IS", DAY_1))
                .when().post("/api/claims")
                .then().statusCode(422).body("errors[0].field", equalTo("claimant"),
                        "detail", containsString("the closest: " + name));
        assertEquals(claims, Api.claimCount());

        // With claimantKind (and claimantBlocs) the claim registers its claimant, in the same transaction.
        String newcomer = Api.unique("Syrian Observatory");
        Map<String, Object> claim = Api.claim(newcomer, "Strikes hit civilians", DAY_1);
        claim.put("claimantKind", "NGO");
        claim.put("claimantBlocs", java.util.List.of("Syrian opposition"));
        given().contentType(ContentType.JSON).body(claim).when().post("/api/claims").then().statusCode(201)
                .body("claimant.name", equalTo(newcomer), "claimant.kind", equalTo("NGO"),
                        "claimant.blocs", contains("Syrian opposition"));

        // A known claimant with another kind is refused rather than silently changed or ignored.
        Map<String, Object> conflicting = Api.claim(name, "Strikes hit IS", DAY_1);
        conflicting.put("claimantKind", "MEDIA");
        given().contentType(ContentType.JSON).body(conflicting).when().post("/api/claims").then().statusCode(422)
                .body("errors[0].field", equalTo("claimantKind"), "detail", containsString("is registered as STATE"));
        conflicting.put("claimantKind", "STATE");
        conflicting.put("claimantBlocs", java.util.List.of(" Russia "));
        given().contentType(ContentType.JSON).body(conflicting).when().post("/api/claims").then().statusCode(201);
        // A claim refused on another ground registers nobody.
        Map<String, Object> refused = Api.claim(Api.unique("Never registered"), "x", "2999-01-01T00:00:00Z");
        refused.put("claimantKind", "MEDIA");
        int actors = Api.actorCount();
        given().contentType(ContentType.JSON).body(refused).when().post("/api/claims").then().statusCode(400);
        assertEquals(actors, Api.actorCount());
    }

    @Test
    void shouldFilterAndPageTheList() {
        String russia = Api.actor(Api.unique("Filter Russia"), "STATE", Api.unique("bloc"));
        String reuters = Api.actor(Api.unique("Filter Reuters"), "MEDIA");
        String amnesty = Api.actor(Api.unique("Filter Amnesty"), "NGO");
        String topic = Api.unique("topic");
        Map<String, Object> first = Api.claim(russia, "First strike report", DAY_1);
        first.put("topic", topic);
        long older = Api.submit(first);
        Map<String, Object> second = Api.claim(russia, "Second strike report", DAY_2);
        second.put("topic", topic);
        long newer = Api.submit(second);
        Api.relate(reuters, "disputes", older, DAY_2);
        Api.relate(amnesty, "disputes", older, DAY_2); // two neutral disputants: REFUTED

        given().queryParam("claimant", russia).when().get("/api/claims")
                .then().statusCode(200)
                .body("total", equalTo(2), "page", equalTo(0), "size", equalTo(20),
                        "items.id", contains((int) newer, (int) older));
        given().queryParam("claimant", russia).queryParam("size", 1).queryParam("page", 1)
                .when().get("/api/claims")
                .then().body("total", equalTo(2), "items.id", contains((int) older));
        given().queryParam("topic", topic.toUpperCase()).queryParam("status", "refuted")
                .when().get("/api/claims")
                .then().body("total", equalTo(1), "items[0].id", equalTo((int) older),
                        "items[0].reason.rule", containsString("REFUTED"));
        given().queryParam("topic", topic).queryParam("q", "SECOND strike")
                .when().get("/api/claims")
                .then().body("items.id", contains((int) newer));
        given().queryParam("q", "100%_").when().get("/api/claims")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldFilterByFlag() {
        String russia = Api.actor(Api.unique("Flag Russia"), "STATE", Api.unique("bloc"));
        long strikes = Api.submit(russia, DAY_1);
        Api.relate(russia, "disputes", strikes, DAY_2);

        given().queryParam("flag", "SELF_DISPUTED").queryParam("claimant", russia).when().get("/api/claims")
                .then().statusCode(200)
                .body("items.id", contains((int) strikes), "items.flags", everyItem(contains("SELF_DISPUTED")));
    }

    @Nested
    class BadInput {

        @Test
        void shouldRejectMalformedJson() {
            rejected("{\"text\": \"unfinished", 400).body("detail", containsString("Malformed JSON"));
        }

        @Test
        void shouldRejectMissingTextNamingTheField() {
            Map<String, Object> claim = Api.claim(Api.unique("Nobody"), "x", DAY_1);
            claim.remove("text");
            rejected(claim, 400).body("errors.field", contains("text"));
        }

        @Test
        void shouldRejectBlankClaimantNamingTheField() {
            rejected(Api.claim("   ", "Some text", DAY_1), 400).body("errors.field", contains("claimant"));
        }

        @Test
        void shouldRejectTextOverTenThousandCharacters() {
            rejected(Api.claim(Api.unique("Verbose"), "x".repeat(10_001), DAY_1), 400)
                    .body("errors.field", contains("text"));
        }

        @Test
        void shouldRejectMoreThanOneRelation() {
            long target = Api.submit(Api.unique("Target"), DAY_1);
            Map<String, Object> claim = Api.claim(Api.unique("Both"), "Both ways", DAY_2);
            claim.put("disputes", target);
            claim.put("supports", target);
            rejected(claim, 400).body("errors[0].field", equalTo("supports"),
                    "detail", containsString("only one of disputes, supports, retracts"));
        }

        @Test
        void shouldRejectARelationToAClaimThatDoesNotExist() {
            Map<String, Object> claim = Api.claim(Api.unique("Ghost"), "Disputing nothing", DAY_1);
            claim.put("disputes", 987654321L);
            rejected(claim, 422).body("errors[0].field", equalTo("disputes"),
                    "detail", equalTo("claim #987654321 does not exist"));
        }

        @Test
        void shouldRejectARetractionByAnotherClaimantAndNotRegisterThatClaimant() {
            long target = Api.submit(Api.actor(Api.unique("Author"), "PERSON"), DAY_1);
            String impostor = Api.unique("Impostor");
            Map<String, Object> claim = Api.claim(impostor, "I take it back", DAY_2);
            claim.put("retracts", target);

            rejected(claim, 422).body("errors[0].field", equalTo("retracts"));

            given().when().get("/api/actors")
                    .then().body("findAll { it.name == '" + impostor + "' }", empty());
        }

        @Test
        void shouldRejectAClaimAssertedBeforeTheClaimItPointsAt() {
            long target = Api.submit(Api.unique("Later"), DAY_2);
            Map<String, Object> claim = Api.claim(Api.unique("Earlier"), "Disputing the future", DAY_1);
            claim.put("disputes", target);
            rejected(claim, 422).body("errors[0].field", equalTo("assertedAt"));
        }

        @Test
        void shouldRejectAClaimAssertedBefore1900OrAtAnAbsurdYear() {
            long before = Api.claimCount();
            rejected(Api.claim(Api.unique("Ancient"), "Said long ago", "1899-12-31T23:59:59Z"), 400)
                    .body("errors[0].field", equalTo("assertedAt"), "detail", containsString("1900"));
            rejected(Api.claim(Api.unique("Ancient"), "Said very long ago", "-1000000-01-01T00:00:00Z"), 400)
                    .body("errors[0].field", equalTo("assertedAt"));
            assertEquals(before, Api.claimCount(), "nothing stored");
        }

        @Test
        void shouldRejectValuesOfTheWrongJsonTypeInsteadOfConvertingThem() {
            Map<String, Object> numberAsText = Api.claim(Api.unique("Typed"), "x", DAY_1);
            numberAsText.put("text", 123);
            rejected(numberAsText, 400).body("errors[0].field", equalTo("text"));
            Map<String, Object> fractionalId = Api.claim(Api.unique("Typed"), "x", DAY_1);
            fractionalId.put("disputes", 1.5);
            rejected(fractionalId, 400).body("errors[0].field", equalTo("disputes"));
        }

        @Test
        void shouldRejectControlCharactersAndLoneSurrogatesInTexts() {
            rejected(Api.claim(Api.unique("Nul"), "before\u0000after", DAY_1), 400).body("errors[0].field", equalTo("text"));
            rejected(Api.claim("Lone \uD800 half", "text", DAY_1), 400).body("errors[0].field", equalTo("claimant"));
            given().contentType(ContentType.JSON).body(Map.of("name", "Lone \uDC00 half", "kind", "NGO"))
                    .when().post("/api/actors").then().statusCode(400).body("errors[0].field", equalTo("name"));
        }

        @Test
        void shouldAnswerAbsurdPagesAndFiltersWithAProblem() {
            given().when().get("/api/claims?page=2147483647").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("page"));
            given().queryParam("q", "x".repeat(10_000)).when().get("/api/claims").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("q"));
        }

        @Test
        void shouldRejectAnUnparsableInstantAndAnUnknownProperty() {
            rejected(Api.claim(Api.unique("When"), "Sometime", "yesterday"), 400)
                    .body("errors[0].field", equalTo("assertedAt"));
            Map<String, Object> claim = Api.claim(Api.unique("Typo"), "Typo", DAY_1);
            claim.put("dispute", 1);
            rejected(claim, 400).body("errors[0].field", equalTo("dispute"));
        }

        @Test
        void shouldRejectUnknownStatusOrFlagInAFilter() {
            given().queryParam("status", "FAKE").when().get("/api/claims")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("status"));
            given().queryParam("flag", "LOUD").when().get("/api/claims")
                    .then().statusCode(400).body("errors[0].field", equalTo("flag"));
            given().queryParam("size", "1000").when().get("/api/claims")
                    .then().statusCode(400).body("errors[0].field", equalTo("size"));
            given().queryParam("page", "first").when().get("/api/claims")
                    .then().statusCode(400).body("errors[0].field", equalTo("page"));
        }

        @Test
        void shouldAnswer404ForAnUnknownClaim() {
            given().when().get("/api/claims/987654321")
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("detail", equalTo("No claim with id 987654321"));
            given().when().get("/api/claims/987654321/history").then().statusCode(404);
        }

        /** Posts {@code body}, expects {@code status} as a problem detail, and checks nothing was stored. */
        private io.restassured.response.ValidatableResponse rejected(Object body, int status) {
            long claims = Api.claimCount();
            int actors = Api.actorCount();
            var response = given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/claims")
                    .then().statusCode(status)
                    .contentType("application/problem+json")
                    .body("status", equalTo(status), "instance", equalTo("/api/claims"));
            assertEquals(claims, Api.claimCount(), "no claim stored");
            assertEquals(actors, Api.actorCount(), "no actor stored");
            return response;
        }
    }

    @Test
    void shouldListClaimsWithEveryDocumentedField() {
        given().queryParam("size", 1).when().get("/api/claims")
                .then().statusCode(200)
                .body("items[0].keySet()", org.hamcrest.Matchers.hasItems("id", "text", "claimant", "topic",
                        "assertedAt", "recordedAt", "source", "quote", "disputes", "supports", "retracts", "status",
                        "flags", "reason", "disputedBy", "supportedBy", "retractedBy"));
    }
}
