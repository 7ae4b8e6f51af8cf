package io.claimtrack.hardening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.time.MovableClock;
import io.claimtrack.testing.Api;
import io.claimtrack.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Concurrent submissions to one thread are all applied, as if one after another. */
@QuarkusTest
class ConcurrencyTest {

    @Inject
    MovableClock clock;

    @BeforeEach
    void signIn() {
        TestUsers.signInAsDesk();
    }

    @Test
    void shouldApplyFiftyParallelDisputesAsIfSequential() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String said = clock.instant().minus(Duration.ofHours(1)).toString();
        Api.create("/api/actors", Map.of("name", "Target " + suffix, "kind", "STATE", "blocs", List.of("target " + suffix)));
        long claim = Api.create("/api/claims", Map.of("text", "t", "claimant", "Target " + suffix, "assertedAt", said));
        for (int i = 0; i < 50; i++) {
            Api.create("/api/actors", Map.of("name", "Disputant " + i + " " + suffix, "kind", "STATE",
                    "blocs", List.of("bloc " + i + " " + suffix)));
        }

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String disputant = "Disputant " + i + " " + suffix;
            Callable<Integer> dispute = () -> given().contentType(ContentType.JSON)
                    .body(Map.of("text", "no", "claimant", disputant, "assertedAt", said, "disputes", claim))
                    .when().post("/api/claims").then().extract().statusCode();
            results.add(pool.submit(dispute));
        }
        for (Future<Integer> result : results) {
            assertEquals(201, result.get());
        }
        pool.shutdown();

        JsonPath now = given().when().get("/api/claims/" + claim).then().statusCode(200).extract().jsonPath();
        assertEquals(50, now.getList("disputedBy").size());
        assertEquals("CONTESTED", now.getString("status"));
        assertEquals(List.of("WIDELY_CONTESTED"), now.getList("flags"));
        // The same facts evaluated afresh, as of now, give the same status, flags and explanation.
        JsonPath fresh = given().queryParam("asOf", clock.instant().toString()).when().get("/api/claims/" + claim)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(fresh.getString("status"), now.getString("status"));
        assertEquals(fresh.getList("flags"), now.getList("flags"));
        assertEquals(fresh.getString("reason.explanation"), now.getString("reason.explanation"));
        // One entry per real transition: none duplicated, none missing.
        given().when().get("/api/claims/" + claim + "/history")
                .then().body("status", contains("UNVERIFIED", "CONTESTED", "CONTESTED"),
                        "flags", contains(List.of(), List.of(), List.of("WIDELY_CONTESTED")));
    }

    @Test
    void shouldRefuseEightFirstClaimsByAnUnregisteredClaimantAndMakeUpNoActor() throws Exception {
        String claimant = "Newcomer " + UUID.randomUUID();
        String said = clock.instant().minus(Duration.ofHours(1)).toString();
        int actorsBefore = given().when().get("/api/actors").then().extract().jsonPath().getList("$").size();

        List<Integer> statuses = inParallel(8, i -> given().contentType(ContentType.JSON)
                .body(Map.of("text", "first word " + i, "claimant", claimant, "assertedAt", said))
                .when().post("/api/claims").then().extract().statusCode());

        assertEquals(List.of(422, 422, 422, 422, 422, 422, 422, 422), statuses);
        assertEquals(actorsBefore, given().when().get("/api/actors").then().extract().jsonPath().getList("$").size());
    }

    @Test
    void shouldAnswer409NotAFailureWhenEightRegisterOneNameAtOnce() throws Exception {
        String name = "Twin " + UUID.randomUUID();

        List<Integer> statuses = inParallel(8, i -> given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "NGO")).when().post("/api/actors").then().extract().statusCode());

        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }

    private static List<Integer> inParallel(int n, java.util.function.IntFunction<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            results.add(pool.submit(() -> {
                start.await();
                return request.apply(index);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        return statuses;
    }

}
