package io.claimtrack;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;

/** Claims name registered actors only: tests register the ones they use (a 409 means it already exists). */
public final class TestActors {

    private TestActors() {
    }

    /** Registers {@code name} as an actor of kind OTHER in no bloc unless it exists; signs in as the caller does. */
    public static String ensure(String name) {
        int status = given().contentType(ContentType.JSON).body(Map.of("name", name, "kind", "OTHER", "blocs", List.of()))
                .when().post("/api/actors").then().extract().statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("could not register actor " + name + ": " + status);
        }
        return name;
    }
}
