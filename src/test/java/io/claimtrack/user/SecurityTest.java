package io.claimtrack.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.claimtrack.testing.TestUsers;

/** Who may write what: 401 without credentials, 403 with the wrong role, success with the right one. */
@QuarkusTest
class SecurityTest {

    private static final String VIEWER = "sec-viewer";
    private static final String SUBMITTER = "sec-submitter";
    private static final String ANALYST = "sec-analyst";

    @BeforeEach
    void users() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        TestUsers.ensure(VIEWER, Roles.VIEWER);
        TestUsers.ensure(SUBMITTER, Roles.SUBMITTER);
        TestUsers.ensure(ANALYST, Roles.ANALYST);
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, TestUsers.PASSWORD).contentType(ContentType.JSON);
    }

    private static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    @Test
    void shouldLetOnlySubmittersWriteActorsAndClaims() {
        Map<String, Object> actor = Map.of("name", "Sec " + UUID.randomUUID(), "kind", "STATE");
        anonymous().body(actor).when().post("/api/actors")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Basic"))
                .contentType("application/problem+json");
        for (String wrong : List.of(VIEWER, ANALYST, TestUsers.ADMIN)) {
            given().auth().preemptive().basic(wrong, wrong.equals(TestUsers.ADMIN) ? TestUsers.ADMIN_PASSWORD : TestUsers.PASSWORD)
                    .contentType(ContentType.JSON).body(actor).when().post("/api/actors")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        as(SUBMITTER).body(actor).when().post("/api/actors").then().statusCode(201);

        Map<String, Object> claim = Map.of("text", "t", "claimant", actor.get("name"),
                "assertedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        anonymous().body(claim).when().post("/api/claims").then().statusCode(401);
        as(VIEWER).body(claim).when().post("/api/claims").then().statusCode(403);
        as(ANALYST).body(claim).when().post("/api/claims").then().statusCode(403);
        as(SUBMITTER).body(claim).when().post("/api/claims").then().statusCode(201)
                .body("recordedBy", equalTo(SUBMITTER));
    }

    @Test
    void shouldLetOnlyAnalystsGiveVerdictsAndAuthorRulesets() {
        String claimant = "Sec " + UUID.randomUUID();
        as(SUBMITTER).body(Map.of("name", claimant, "kind", "OTHER")).when().post("/api/actors").then().statusCode(201);
        long claim = as(SUBMITTER).body(Map.of("text", "t", "claimant", claimant,
                        "assertedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString()))
                .when().post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> verdict = Map.of("status", "CONFIRMED", "reason", "checked");
        anonymous().body(verdict).when().post("/api/claims/" + claim + "/verdicts").then().statusCode(401);
        as(SUBMITTER).body(verdict).when().post("/api/claims/" + claim + "/verdicts").then().statusCode(403);
        as(VIEWER).body(verdict).when().post("/api/claims/" + claim + "/verdicts").then().statusCode(403);
        long id = as(ANALYST).body(verdict).when().post("/api/claims/" + claim + "/verdicts").then().statusCode(201)
                .body("analyst", equalTo(ANALYST)).extract().jsonPath().getLong("id");
        as(SUBMITTER).when().delete("/api/claims/" + claim + "/verdicts/" + id).then().statusCode(403);
        as(ANALYST).when().delete("/api/claims/" + claim + "/verdicts/" + id).then().statusCode(200);

        Map<String, Object> draft = Map.of("basedOn", 1, "files", Map.of());
        anonymous().body(draft).when().post("/api/rulesets").then().statusCode(401);
        as(SUBMITTER).body(draft).when().post("/api/rulesets").then().statusCode(403);
        int version = as(ANALYST).body(draft).when().post("/api/rulesets").then().statusCode(201)
                .body("author", equalTo(ANALYST)).extract().jsonPath().getInt("version");
        for (String step : List.of("validate", "test", "preview")) {
            anonymous().when().post("/api/rulesets/" + version + "/" + step).then().statusCode(401);
            as(SUBMITTER).when().post("/api/rulesets/" + version + "/" + step).then().statusCode(403);
            as(ANALYST).when().post("/api/rulesets/" + version + "/" + step).then().statusCode(200);
        }
        anonymous().body(Map.of()).when().post("/api/rulesets/" + version + "/activate").then().statusCode(401);
        as(VIEWER).body(Map.of()).when().post("/api/rulesets/" + version + "/activate").then().statusCode(403);
    }

    @Test
    void shouldLetOnlyAdminsManageUsersAndStoreBcryptHashes() {
        String name = "sec-new-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> user = Map.of("username", name, "password", "a long enough password", "roles", List.of("VIEWER"));
        anonymous().body(user).when().post("/api/users").then().statusCode(401);
        as(ANALYST).body(user).when().post("/api/users").then().statusCode(403);
        given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(user).when().post("/api/users").then().statusCode(201)
                .body("roles", org.hamcrest.Matchers.contains("VIEWER"), "createdBy", equalTo(TestUsers.ADMIN));

        String hash = QuarkusTransaction.requiringNew().call(() -> UserEntity.findByUsername(name).orElseThrow().password);
        assertTrue(hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$"), "bcrypt: " + hash);
        assertTrue(BcryptUtil.matches("a long enough password", hash));
        given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).when().get("/api/users")
                .then().statusCode(200).body("find { it.username == '" + name + "' }.password", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldRefuseADisabledUserAndAcceptThemAgainOnceEnabled() {
        String name = "sec-disabled-" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.ensure(name, Roles.SUBMITTER);
        RequestSpecification admin = given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        Map<String, Object> actor = Map.of("name", "Sec " + UUID.randomUUID(), "kind", "STATE");

        admin.when().post("/api/users/" + name + "/disable").then().statusCode(200).body("disabled", equalTo(true));
        as(name).body(actor).when().post("/api/actors").then().statusCode(401);

        given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .when().post("/api/users/" + name + "/enable").then().statusCode(200);
        as(name).body(actor).when().post("/api/actors").then().statusCode(201);
    }

    @Test
    void shouldChangeRoles() {
        String name = "sec-roles-" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.ensure(name, Roles.VIEWER);
        Map<String, Object> actor = Map.of("name", "Sec " + UUID.randomUUID(), "kind", "STATE");
        as(name).body(actor).when().post("/api/actors").then().statusCode(403);

        given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("SUBMITTER"))).when().put("/api/users/" + name + "/roles")
                .then().statusCode(200);
        as(name).body(actor).when().post("/api/actors").then().statusCode(201);
        given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("GOD"))).when().put("/api/users/" + name + "/roles")
                .then().statusCode(400);
    }

    @Test
    void shouldKeepReadsOpenByDefault() {
        anonymous().when().get("/api/claims").then().statusCode(200);
        anonymous().when().get("/api/stats").then().statusCode(200);
        anonymous().when().get("/api/rulesets/active").then().statusCode(200);
        given().auth().preemptive().basic("nobody", "wrong password").contentType(ContentType.JSON)
                .body(Map.of("name", "x", "kind", "STATE")).when().post("/api/actors").then().statusCode(401);
        assertEquals(401, given().auth().preemptive().basic(VIEWER, "wrong password").contentType(ContentType.JSON)
                .body(Map.of("name", "x", "kind", "STATE")).when().post("/api/actors").then().extract().statusCode());
    }

    @Test
    void shouldRefusePasswordsBcryptCannotHoldOrAnyoneWouldGuess() {
        String name = "pw-" + UUID.randomUUID().toString().substring(0, 8);
        for (String password : List.of("x".repeat(73), "é".repeat(37), "aaaaaaaaaaaaaaaa", "password1234",
                name + "-2024!!")) {
            given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).contentType(ContentType.JSON)
                    .body(Map.of("username", name, "password", password, "roles", List.of("VIEWER")))
                    .when().post("/api/users").then().statusCode(400).body("errors[0].field", equalTo("password"));
        }
        given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).when().get("/api/users")
                .then().body("username", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(name)));
        String exactly72 = "Ab1-".repeat(18);
        given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", exactly72, "roles", List.of("VIEWER")))
                .when().post("/api/users").then().statusCode(201);
        given().auth().preemptive().basic(name, exactly72.substring(0, 71) + "X").when().get("/api/users")
                .then().statusCode(401);
    }

    @Test
    void shouldTreatUsernamesRegardlessOfCaseAndKeepEveryUserARole() {
        String name = "Case-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", TestUsers.PASSWORD, "roles", List.of("VIEWER")))
                .when().post("/api/users").then().statusCode(201);

        given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("username", name.toLowerCase(), "password", TestUsers.PASSWORD, "roles", List.of("VIEWER")))
                .when().post("/api/users").then().statusCode(409);
        given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("roles", List.of())).when().put("/api/users/" + name + "/roles")
                .then().statusCode(400).body("errors[0].field", equalTo("roles"));
    }

    /** Timing must not tell which usernames exist: an unknown user costs the same bcrypt check as a wrong password. */
    @Test
    void shouldTakeAsLongForAnUnknownUserAsForAWrongPassword() {
        TestUsers.ensure("timed-user", Roles.VIEWER);
        long[] known = new long[15];
        long[] unknown = new long[15];
        for (int i = 0; i < known.length; i++) { // interleaved, so a busy moment of the machine hits both
            known[i] = failedSignInNanos("timed-user");
            unknown[i] = failedSignInNanos("no-such-user-" + UUID.randomUUID());
        }
        java.util.Arrays.sort(known);
        java.util.Arrays.sort(unknown);
        double ratio = (double) unknown[known.length / 2] / known[known.length / 2];

        assertTrue(ratio > 0.33 && ratio < 3, "median unknown/known sign-in time: " + ratio + " (known "
                + known[known.length / 2] / 1_000_000 + " ms, unknown " + unknown[known.length / 2] / 1_000_000 + " ms)");
    }

    private static long failedSignInNanos(String username) {
        long started = System.nanoTime();
        given().auth().preemptive().basic(username, "not the password " + UUID.randomUUID())
                .when().get("/api/users").then().statusCode(401);
        return System.nanoTime() - started;
    }
}
