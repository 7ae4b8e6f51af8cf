package io.claimtrack.claim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.claimtrack.testing.Api;

@QuarkusTest
class ActorResourceTest {

    @BeforeEach
    void signIn() {
        TestUsers.signInAsDesk();
    }

    @Test
    void shouldRegisterActorWhenValid() {
        String name = Api.unique("Iran");

        String location = given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "STATE", "blocs", List.of("Axis of Resistance")))
                .when().post("/api/actors")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/actors/"))
                .body("name", equalTo(name), "kind", equalTo("STATE"), "blocs", contains("Axis of Resistance"))
                .extract().header("Location");

        given().when().get(location)
                .then().statusCode(200)
                .body("name", equalTo(name), "blocs", contains("Axis of Resistance"));
    }

    @Test
    void shouldRejectDuplicateNameWhenOnlyCaseDiffers() {
        String name = Api.actor(Api.unique("Turkey"), "STATE");
        int before = Api.actorCount();

        given().contentType(ContentType.JSON)
                .body(Map.of("name", "  " + name.toUpperCase() + " ", "kind", "STATE"))
                .when().post("/api/actors")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409), "errors[0].field", equalTo("name"));

        assertEquals(before, Api.actorCount());
    }

    @Test
    void shouldRejectUnknownKindAndBlankNameWithoutStoringAnything() {
        int before = Api.actorCount();

        given().contentType(ContentType.JSON).body(Map.of("name", Api.unique("Iran"), "kind", "COUNTRY"))
                .when().post("/api/actors")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().contentType(ContentType.JSON).body(Map.of("name", " ", "kind", "STATE"))
                .when().post("/api/actors")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON).body(Map.of("name", Api.unique("Iran")))
                .when().post("/api/actors")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        // An enum is named, never numbered: 3 is not the fourth kind (it was read as MEDIA before).
        given().contentType(ContentType.JSON).body(Map.of("name", Api.unique("Iran"), "kind", 3))
                .when().post("/api/actors")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));

        assertEquals(before, Api.actorCount());
    }

    @Test
    void shouldListDemoActorsByName() {
        given().when().get("/api/actors")
                .then().statusCode(200)
                .body("name", hasItems("France", "Russia", "Sergei Lavrov", "United States", "Vladimir Putin"));
    }

    @Test
    void shouldAnswer404WhenActorUnknown() {
        given().when().get("/api/actors/999999")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No actor with id 999999"));
    }
}
