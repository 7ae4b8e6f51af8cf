package io.claimtrack.store;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With less free disk than required, readiness says the store cannot take writes. */
@QuarkusTest
@TestProfile(LowDiskReadinessTest.NoDiskIsEnough.class)
class LowDiskReadinessTest {

    public static class NoDiskIsEnough implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claimtrack.store.min-free-space", "1000000T");
        }
    }

    @Test
    void shouldReportNotReadyWhenTheDiskIsNearlyFull() {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'store' }.status", equalTo("DOWN"),
                        "checks.find { it.name == 'claimtrack' }.status", equalTo("UP"));
    }
}
