package io.claimtrack.authoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.testing.TestUsers;
import io.claimtrack.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Drafts that would hold the server: a join of everything with everything, and rules that never settle.
 * Each ends with a 422 naming what happened, within the configured budget (4 s in tests), and the server
 * keeps answering reads meanwhile.
 */
@QuarkusTest
class RunawayDraftTest {

    private static final Duration BUDGET = Duration.ofSeconds(4);
    /** The budget, the grace a halted run gets, and room for a loaded machine. */
    private static final Duration ENDS_WITHIN = BUDGET.plusSeconds(6);

    private static final String HEADER = "package io.claimtrack.policy;\n\nimport io.claimtrack.facts.*;\n\n";
    private static final String JOIN_EVERYTHING = HEADER + """
            rule "Every claim with every claim, six times over"
            when
                $n : Number() from accumulate( Claim( $i : id ) and Claim() and Claim() and Claim() and Claim() and Claim(),
                                               count( $i ) )
            then
            end
            """;
    private static final String NEVER_SETTLES = HEADER + """
            rule "A status that takes itself back"
            when
                $c : Claim()
                not FlagRaised( claim == $c, flag == Flag.STALE )
            then
                insertLogical( new FlagRaised( $c, Flag.STALE, drools.getRule().getName(), "on" ) );
            end

            rule "A flag that takes itself back"
            when
                $f : FlagRaised( flag == Flag.STALE )
            then
                insertLogical( new StatusCandidate( $f.getClaim(), ClaimStatus.UNVERIFIED, 1, "x", "" + $f.getExplanation() ) );
            end
            """;

    @BeforeEach
    void signIn() {
        TestUsers.signInAsDesk();
    }

    @Test
    void shouldStopAJoinOfEverythingWithEverythingWhileReadsGoOn() throws Exception {
        int draft = draft("runaway.drl", JOIN_EVERYTHING, Map.of("forty-claims.json", fortyClaims()));
        long started = System.nanoTime();

        CompletableFuture<Response> test = CompletableFuture.supplyAsync(() ->
                given().when().post("/api/rulesets/" + draft + "/test").then().extract().response());
        List<Long> readMillis = new ArrayList<>();
        while (!test.isDone()) {
            long before = System.nanoTime();
            given().when().get("/api/claims/1").then().statusCode(200);
            readMillis.add((System.nanoTime() - before) / 1_000_000);
        }
        Response answer = test.get(1, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(422, answer.statusCode(), answer.asString());
        assertTrue(answer.jsonPath().getString("detail").contains("was stopped"), answer.asString());
        assertTrue(took.compareTo(ENDS_WITHIN) < 0, "ended after " + took);
        // Reads go on while the draft runs: a read that waited for the draft would last as long as the draft and be
        // one of very few. Not every read is fast: on a loaded machine, the collector's pause as the stopped draft's
        // garbage is copied can stall one request for a second (measured 1.16 s once on two cores), which is why the
        // drafts' allocation budget is kept small (claimtrack.rules.draft-allocation-budget).
        assertTrue(readMillis.size() >= 3, "reads were answered while the draft ran: " + readMillis);
        List<Long> sorted = readMillis.stream().sorted().toList();
        assertTrue(sorted.get(sorted.size() / 2) < 1000, "most reads answered within 1 s: " + readMillis);
        // The server is whole afterwards: the active policy still evaluates submissions.
        given().when().get("/api/rulesets/active").then().statusCode(200);
    }

    @Test
    void shouldAnswerAPreviewOfRulesThatNeverSettleWith422() {
        int draft = draft("loop.drl", NEVER_SETTLES, Map.of());

        given().when().post("/api/rulesets/" + draft + "/preview")
                .then().statusCode(422)
                .body("detail", containsString("does not settle"));
    }

    private static int draft(String file, String drl, Map<String, String> scenarios) {
        int active = Api.activeRulesetVersion();
        return given().contentType(ContentType.JSON)
                .body(Map.of("basedOn", active, "files", Map.of(file, drl), "scenarios", scenarios))
                .when().post("/api/rulesets")
                .then().statusCode(201).extract().jsonPath().getInt("version");
    }

    private static String fortyClaims() {
        StringBuilder claims = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            claims.append(i == 0 ? "" : ",").append("{\"ref\":\"c").append(i)
                    .append("\",\"claimant\":\"Russia\",\"assertedAt\":\"2015-09-30T09:00:00Z\"}");
        }
        return """
                {"name": "forty claims", "now": "2015-10-01T00:00:00Z",
                 "actors": [{"name": "Russia", "kind": "STATE", "blocs": ["Russia"]}],
                 "claims": [%s], "expect": []}
                """.formatted(claims);
    }
}
