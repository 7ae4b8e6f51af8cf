package io.claimtrack.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.claimtrack.user.Roles;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The users REST tests sign in as. The first admin comes from %test configuration; the others are
 * created through the admin API on first use (a 409 means an earlier test class already did).
 */
public final class TestUsers {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    /** A desk member who submits and analyses: the default for functional tests. */
    public static final String DESK = "desk";
    public static final String PASSWORD = "correct horse battery staple";

    private TestUsers() {
    }

    /** Signs every following request in as the desk member (SUBMITTER and ANALYST). */
    public static void signInAsDesk() {
        ensure(DESK, Roles.SUBMITTER, Roles.ANALYST);
        RestAssured.authentication = RestAssured.preemptive().basic(DESK, PASSWORD);
    }

    /** Creates the user with exactly these roles unless it exists. */
    public static void ensure(String username, String... roles) {
        int status = given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "roles", List.of(roles)))
                .when().post("/api/users").then().extract().statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("could not create test user " + username + ": " + status);
        }
    }
}
