package io.claimtrack.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.time.MovableClock;
import io.claimtrack.testing.Api;
import io.claimtrack.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class StatsAndHealthTest {

    @BeforeEach
    void signIn() {
        TestUsers.signInAsDesk();
    }

    @Inject
    MovableClock clock;

    @Test
    void shouldCountAContestedClaimOnceItIsDisputed() {
        String suffix = UUID.randomUUID().toString();
        Api.create("/api/actors", Map.of("name", "A " + suffix, "kind", "STATE", "blocs", List.of("a " + suffix)));
        Api.create("/api/actors", Map.of("name", "B " + suffix, "kind", "STATE", "blocs", List.of("b " + suffix)));
        // recent enough not to be STALE: that flag is about time, tested elsewhere
        String saidAt = clock.instant().minus(Duration.ofHours(2)).toString();
        long claim = Api.create("/api/claims", Map.of("text", "t", "claimant", "A " + suffix, "assertedAt", saidAt));
        JsonPath before = stats();

        Api.create("/api/claims", Map.of("text", "no", "claimant", "B " + suffix, "assertedAt", saidAt,
                "disputes", claim));

        JsonPath after = stats();
        assertEquals(before.getLong("total") + 1, after.getLong("total"));
        assertEquals(before.getLong("byStatus.CONTESTED") + 1, after.getLong("byStatus.CONTESTED"));
        assertEquals(before.getLong("byStatus.UNVERIFIED"), after.getLong("byStatus.UNVERIFIED"),
                "one UNVERIFIED became CONTESTED, the dispute itself is a new UNVERIFIED");
        assertEquals(before.getLong("byFlag.STALE"), after.getLong("byFlag.STALE"));
    }

    @Test
    void shouldBeReadyWithTheRulesetCompiledAndTheSchemaMigrated() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"),
                        "checks.find { it.name == 'claimtrack' }.data.rulesetVersion", equalTo(1),
                        "checks.find { it.name == 'claimtrack' }.data.pendingMigrations", equalTo(0));
    }

    @Test
    void shouldServeTheOpenApiDocumentAndSwaggerUi() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200).body("paths.keySet()", hasItem("/api/claims"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }


    private static JsonPath stats() {
        return given().when().get("/api/stats").then().statusCode(200).extract().jsonPath();
    }
}
