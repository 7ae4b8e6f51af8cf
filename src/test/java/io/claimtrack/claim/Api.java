package io.claimtrack.claim;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/**
 * Small REST Assured helpers. Every test registers its own actors under unique names, so tests share
 * one database (with the demo data in it) without depending on each other or on their order.
 */
final class Api {

    private Api() {
    }

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static String actor(String name, String kind, String... blocs) {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", kind, "blocs", List.of(blocs)))
                .when().post("/api/actors")
                .then().statusCode(201);
        return name;
    }

    static Map<String, Object> claim(String claimant, String text, String assertedAt) {
        Map<String, Object> claim = new HashMap<>();
        claim.put("text", text);
        claim.put("claimant", claimant);
        claim.put("topic", "test topic");
        claim.put("assertedAt", assertedAt);
        return claim;
    }

    /** Submits a claim, registering its claimant first when no actor has that name (kind OTHER, no bloc). */
    static long submit(Map<String, Object> claim) {
        io.claimtrack.TestActors.ensure((String) claim.get("claimant"));
        return given().contentType(ContentType.JSON).body(claim)
                .when().post("/api/claims")
                .then().log().ifValidationFails().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    static long submit(String claimant, String assertedAt) {
        return submit(claim(claimant, "claim by " + claimant, assertedAt));
    }

    static long relate(String claimant, String relation, long target, String assertedAt) {
        Map<String, Object> claim = claim(claimant, claimant + " " + relation + " #" + target, assertedAt);
        claim.put(relation, target);
        return submit(claim);
    }

    static long claimCount() {
        return given().when().get("/api/stats").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    static int actorCount() {
        return given().when().get("/api/actors").then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    static int historySize(long claimId) {
        return given().when().get("/api/claims/" + claimId + "/history").then().statusCode(200)
                .extract().jsonPath().getList("$").size();
    }
}
