package io.claimtrack.evaluation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.claim.ClaimService;
import io.claimtrack.claim.NewClaim;
import io.claimtrack.testing.Api;
import io.claimtrack.testing.TestUsers;
import io.claimtrack.time.MovableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Warm threads in the running app: a long thread's session is kept after its second evaluation afresh
 * and used for the next submission; another instance's write (the stored version moves), a verdict and a rolled-back
 * transaction each make the next evaluation start afresh; and after every step, what is stored for every
 * claim of the thread is what a fresh evaluation of it gives.
 */
@QuarkusTest
class WarmThreadsTest {

    @Inject
    WarmThreads warmThreads;
    @Inject
    ClaimService claims;
    @Inject
    EntityManager entityManager;
    @Inject
    MovableClock clock;

    private final List<Long> thread = new ArrayList<>();
    private String said;
    private int disputants;
    private String bloc;

    @BeforeEach
    void signIn() {
        TestUsers.signInAsDesk();
    }

    @Test
    void shouldUseAWarmThreadOnlyWhileItIsCurrent() {
        bloc = Api.unique("bloc");
        said = clock.instant().minus(Duration.ofHours(1)).toString();
        String claimant = Api.actor(Api.unique("Root"), "STATE", bloc);
        long root = Api.submit(claimant, said);
        thread.add(root);
        for (int i = 0; i < 9; i++) {
            dispute();
        }

        WarmThreads.Stats before = warmThreads.stats();
        dispute();
        assertEquals(before.taken() + 1, warmThreads.stats().taken(), "a thread of 11 claims is warm and used");
        assertStoredIsFresh();

        // Another instance wrote to the thread: its stored version moved past the warm session's.
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update claim set thread_version = thread_version + 1 where id = " + root)
                .executeUpdate());
        before = warmThreads.stats();
        dispute();
        assertEquals(before.stale() + 1, warmThreads.stats().stale(), "a session older than the thread is not used");
        assertEquals(before.taken(), warmThreads.stats().taken());
        assertStoredIsFresh();

        // A verdict changes the thread's facts otherwise than by a claim: evaluated afresh, then warm again.
        given().contentType(ContentType.JSON).body(Map.of("status", "CONFIRMED", "reason", "checked on the ground"))
                .when().post("/api/claims/" + root + "/verdicts").then().statusCode(201);
        assertEquals("CONFIRMED", current(root).getString("status"));
        assertStoredIsFresh();
        before = warmThreads.stats();
        dispute();
        assertEquals(before.taken() + 1, warmThreads.stats().taken(), "warm again after the verdict");
        assertEquals("CONFIRMED", current(root).getString("status"));
        assertStoredIsFresh();

        // A transaction that rolls back after its evaluation: the session it advanced is not kept.
        String late = Api.actor(Api.unique("Rolled back"), "MEDIA");
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            claims.submit(new NewClaim("never kept", late, null, null, "test topic", Instant.parse(said), null, null, root, null,
                    null, null), TestUsers.DESK);
            throw new IllegalStateException("the caller fails after the evaluation: everything rolls back");
        }));
        before = warmThreads.stats();
        dispute();
        assertEquals(before.taken(), warmThreads.stats().taken(), "the rolled-back session was dropped, not reused");
        assertEquals(thread.size() - 1, current(root).getList("disputedBy").size(), "the rolled-back claim left no trace");
        assertStoredIsFresh();
    }

    private void dispute() {
        String disputant = Api.actor(Api.unique("Disputant " + disputants++), "STATE", Api.unique("bloc"));
        thread.add(Api.relate(disputant, "disputes", thread.get(0), said));
    }

    private static JsonPath current(long claim) {
        return given().when().get("/api/claims/" + claim).then().statusCode(200).extract().jsonPath();
    }

    /** Every claim of the thread: stored status, flags and explanation are those of a fresh evaluation of now. */
    private void assertStoredIsFresh() {
        for (long claim : thread) {
            JsonPath stored = current(claim);
            JsonPath fresh = given().queryParam("asOf", clock.instant().toString()).when().get("/api/claims/" + claim)
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(fresh.getString("status"), stored.getString("status"), "claim #" + claim);
            assertEquals(fresh.getList("flags"), stored.getList("flags"), "claim #" + claim);
            assertEquals(fresh.getString("reason.explanation"), stored.getString("reason.explanation"), "claim #" + claim);
        }
    }
}
