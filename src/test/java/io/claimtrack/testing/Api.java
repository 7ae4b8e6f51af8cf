package io.claimtrack.testing;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/**
 * Small REST Assured helpers, signed in as the caller is. Every test registers its own actors under
 * unique names, so tests share one database (with the demo data in it) without depending on each other
 * or on their order.
 */
public final class Api {

    private Api() {
    }

    public static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String actor(String name, String kind, String... blocs) {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", kind, "blocs", List.of(blocs)))
                .when().post("/api/actors")
                .then().statusCode(201);
        return name;
    }

    public static Map<String, Object> claim(String claimant, String text, String assertedAt) {
        Map<String, Object> claim = new HashMap<>();
        claim.put("text", text);
        claim.put("claimant", claimant);
        claim.put("topic", "test topic");
        claim.put("assertedAt", assertedAt);
        return claim;
    }

    /** Submits a claim, registering its claimant first when no actor has that name (kind OTHER, no bloc). */
    public static long submit(Map<String, Object> claim) {
        ensureActor((String) claim.get("claimant"));
        return given().contentType(ContentType.JSON).body(claim)
                .when().post("/api/claims")
                .then().log().ifValidationFails().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    public static long submit(String claimant, String assertedAt) {
        return submit(claim(claimant, "claim by " + claimant, assertedAt));
    }

    public static long relate(String claimant, String relation, long target, String assertedAt) {
        Map<String, Object> claim = claim(claimant, claimant + " " + relation + " #" + target, assertedAt);
        claim.put(relation, target);
        return submit(claim);
    }

    /** Registers {@code name} as an actor of kind OTHER in no bloc unless it exists (a 409 means it does). */
    public static String ensureActor(String name) {
        int status = given().contentType(ContentType.JSON).body(Map.of("name", name, "kind", "OTHER", "blocs", List.of()))
                .when().post("/api/actors").then().extract().statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("could not register actor " + name + ": " + status);
        }
        return name;
    }

    /** POSTs a JSON body that must be created (201) and answers the new thing's id. */
    public static long create(String path, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path)
                .then().log().ifValidationFails().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The version of the ruleset now active. */
    public static int activeRulesetVersion() {
        return given().when().get("/api/rulesets/active").then().statusCode(200).extract().jsonPath().getInt("version");
    }

    /** Creates a draft: {@code files} changed (a null content removes one) on top of {@code basedOn}. @return its version */
    public static int draft(int basedOn, Map<String, String> files, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("basedOn", basedOn);
        body.put("files", files);
        body.put("note", note);
        return given().contentType(ContentType.JSON).body(body).when().post("/api/rulesets")
                .then().log().ifValidationFails().statusCode(201).extract().jsonPath().getInt("version");
    }

    public static long claimCount() {
        return given().when().get("/api/stats").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    public static int actorCount() {
        return given().when().get("/api/actors").then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    /** A step of the desk's review of {@code claim} taken by {@code user} (an editor), which must be allowed (200). */
    public static void reviewStep(String user, long claim, String action, Map<String, Object> body) {
        var request = given().auth().preemptive().basic(user, TestUsers.PASSWORD).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(new HashMap<>(body));
        }
        request.when().post("/api/claims/" + claim + "/review/" + action).then().log().ifValidationFails().statusCode(200);
    }

    public static int historySize(long claimId) {
        return given().when().get("/api/claims/" + claimId + "/history").then().statusCode(200)
                .extract().jsonPath().getList("$").size();
    }
}
