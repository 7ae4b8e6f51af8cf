package io.claimtrack.hardening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.idempotency.IdempotencyEntity;
import io.claimtrack.time.MovableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.claimtrack.user.Roles;
import io.claimtrack.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.claimtrack.testing.Api;

@QuarkusTest
class IdempotencyTest {

    @Inject
    MovableClock clock;

    @BeforeEach
    void signIn() {
        TestUsers.signInAsDesk();
    }

    private Map<String, Object> claim(String text) {
        return Map.of("text", text, "claimant", Api.ensureActor("Idem " + text), "assertedAt", clock.instant().minus(Duration.ofHours(1)).toString());
    }

    private static ExtractableResponse<Response> post(String key, Object body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/claims").then().extract();
    }

    @Test
    void shouldReplayTheFirstResponseForTheSameKeyAndBody() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = claim(UUID.randomUUID().toString());

        ExtractableResponse<Response> first = post(key, body);
        ExtractableResponse<Response> again = post(key, body);

        assertEquals(201, first.statusCode());
        assertEquals(201, again.statusCode());
        assertEquals(first.jsonPath().getLong("id"), again.jsonPath().getLong("id"));
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals("true", again.header("Idempotent-Replayed"));
        given().queryParam("q", body.get("text")).when().get("/api/claims").then().body("total", equalTo(1));
    }

    @Test
    void shouldRefuseTheSameKeyWithADifferentBody() {
        String key = UUID.randomUUID().toString();
        post(key, claim(UUID.randomUUID().toString()));

        ExtractableResponse<Response> other = post(key, claim(UUID.randomUUID().toString()));

        assertEquals(422, other.statusCode());
        assertEquals("Idempotency-Key", other.jsonPath().getString("errors[0].field"));
    }

    @Test
    void shouldScopeKeysPerUser() {
        String key = UUID.randomUUID().toString();
        TestUsers.ensure("idem-other", Roles.SUBMITTER);
        long mine = post(key, claim(UUID.randomUUID().toString())).jsonPath().getLong("id");

        long theirs = given().auth().preemptive().basic("idem-other", TestUsers.PASSWORD).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(claim(UUID.randomUUID().toString()))
                .when().post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("id");

        assertTrue(mine != theirs);
    }

    @Test
    void shouldRunARequestWhoseKeyWasLeftInFlightByAnInstanceThatDied() {
        String key = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            IdempotencyEntity abandoned = new IdempotencyEntity();
            abandoned.username = TestUsers.DESK;
            abandoned.key = key;
            abandoned.requestHash = "of a request whose instance died before it committed";
            abandoned.state = IdempotencyEntity.IN_FLIGHT;
            abandoned.createdAt = clock.instant().minus(Duration.ofMinutes(6));
            abandoned.persist();
        });
        Map<String, Object> body = claim(UUID.randomUUID().toString());
        ExtractableResponse<Response> first = post(key, body);
        assertEquals(201, first.statusCode(), "the retry runs: " + first.asString());
        ExtractableResponse<Response> replay = post(key, body);
        assertEquals(201, replay.statusCode());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(first.jsonPath().getLong("id"), replay.jsonPath().getLong("id"));
    }

    @Test
    void shouldNotKeepTheKeyOfAFailedRequest() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> bad = Map.of("text", "x", "claimant", "Idem", "assertedAt",
                clock.instant().minus(Duration.ofHours(1)).toString(), "disputes", 987654321);
        assertEquals(422, post(key, bad).statusCode());

        assertEquals(201, post(key, claim(UUID.randomUUID().toString())).statusCode());
    }

    @Test
    void shouldCreateExactlyOneClaimFromFiftyParallelPostsWithOneKey() throws Exception {
        String key = UUID.randomUUID().toString();
        String text = UUID.randomUUID().toString();
        Map<String, Object> body = claim(text);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<ExtractableResponse<Response>>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            futures.add(pool.submit(() -> post(key, body)));
        }
        Set<Long> ids = new HashSet<>();
        int created = 0;
        for (Future<ExtractableResponse<Response>> future : futures) {
            ExtractableResponse<Response> response = future.get();
            assertTrue(response.statusCode() == 201 || response.statusCode() == 409, "201 or 409: " + response.statusCode());
            if (response.statusCode() == 201) {
                created++;
                ids.add(response.jsonPath().getLong("id"));
            }
        }
        pool.shutdown();

        assertTrue(created >= 1);
        assertEquals(1, ids.size(), "every 201 carries the same claim id");
        given().queryParam("q", text).when().get("/api/claims").then().body("total", equalTo(1));
        assertEquals(201, post(key, body).statusCode(), "afterwards the first response is replayed");
    }

    @Test
    void shouldMakeActorRegistrationIdempotentToo() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> actor = Map.of("name", "Idem actor " + UUID.randomUUID(), "kind", "NGO");
        long first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(actor)
                .when().post("/api/actors").then().statusCode(201).extract().jsonPath().getLong("id");
        long again = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(actor)
                .when().post("/api/actors").then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(first, again, "a retry is not a 409 duplicate");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "has spaces in it").body(actor)
                .when().post("/api/actors").then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
