package io.claimtrack.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.testing.Api;
import io.claimtrack.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;

/** The API says when it is misused: unknown parameters are named, topics can be listed and found by their start. */
@QuarkusTest
class ApiMisuseTest {

    @BeforeEach
    void signIn() {
        TestUsers.signInAsDesk();
    }

    @Test
    void anUnknownQueryParameterIsA400NamingTheOnesTaken() {
        given().queryParam("stauts", "REFUTED").when().get("/api/claims").then().statusCode(400)
                .body("errors[0].field", equalTo("stauts"))
                .body("detail", containsString("it takes "))
                .body("detail", containsString("status"));
        given().queryParam("format", "csv").when().get("/api/claims").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        given().queryParam("verbose", "1").when().get("/api/actors").then().statusCode(400)
                .body("detail", containsString("it takes none"));
        given().queryParam("status", "REFUTED").queryParam("size", "5").when().get("/api/claims").then().statusCode(200);
    }

    @Test
    void topicsAreListedWithTheirCountsAndFoundByTheirStartInAnyCase() {
        String topic = Api.unique("Russian air strikes in Syria");
        String claimant = Api.actor(Api.unique("Topical state"), "STATE");
        for (int i = 0; i < 2; i++) {
            Map<String, Object> claim = Api.claim(claimant, "Topical claim " + i + " " + topic, Instant.now().minusSeconds(60 + i).toString());
            claim.put("topic", topic);
            Api.submit(claim);
        }
        given().when().get("/api/topics").then().statusCode(200)
                .body("find { it.topic == '" + topic + "' }.claims", equalTo(2));
        String start = topic.substring(0, topic.indexOf(" strikes")).toUpperCase();
        List<String> found = given().queryParam("topic", topic.toLowerCase()).when().get("/api/claims").then()
                .statusCode(200).extract().jsonPath().getList("items.topic");
        assertEquals(List.of(topic, topic), found);
        given().queryParam("topic", start).queryParam("size", 100).when().get("/api/claims").then().statusCode(200)
                .body("items.topic", hasItem(topic));
        given().queryParam("topic", "100%").when().get("/api/claims").then().statusCode(200).body("total", equalTo(0));
    }
}
