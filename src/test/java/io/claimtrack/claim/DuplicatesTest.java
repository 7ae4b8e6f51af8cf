package io.claimtrack.claim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.testing.Api;
import io.claimtrack.testing.TestUsers;
import io.claimtrack.time.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A submission that looks like a stored claim by the same claimant is answered with it, or refused on request. */
@QuarkusTest
class DuplicatesTest {

    @Inject
    MovableClock clock;

    private String said;

    @BeforeEach
    void signIn() {
        TestUsers.signInAsDesk();
        said = clock.instant().minus(Duration.ofHours(1)).toString();
    }

    @Test
    void aLikelyDuplicateIsReportedStoredOrRefusedOnRequest() {
        String ministry = Api.actor(Api.unique("Ministry"), "STATE", Api.unique("bloc"));
        long first = Api.submit(Api.claim(ministry, "Our aircraft struck a weapons depot near Homs on Tuesday", said));

        given().contentType(ContentType.JSON)
                .body(Api.claim(ministry, "Our aircraft struck a weapons depot near Homs", said))
                .when().post("/api/claims").then().statusCode(201)
                .body("possibleDuplicates[0].id", equalTo((int) first),
                        "possibleDuplicates[0].text", equalTo("Our aircraft struck a weapons depot near Homs on Tuesday"),
                        "possibleDuplicates[0].similarity", equalTo(0.88f)); // 7 of 8 significant words

        long claims = Api.claimCount();
        Map<String, Object> again = Api.claim(ministry, "our AIRCRAFT struck a weapons depot near Homs, on Tuesday!", said);
        again.put("ifDuplicate", "reject");
        given().contentType(ContentType.JSON).body(again).when().post("/api/claims").then().statusCode(409)
                .body("errors[0].field", equalTo("text"), "detail", containsString("#" + first + " at 100 %"));
        assertEquals(claims, Api.claimCount(), "a refused duplicate is not stored");

        // Another claimant, or other words: no duplicate.
        String other = Api.actor(Api.unique("Rebels"), "OTHER");
        given().contentType(ContentType.JSON).body(Api.claim(other, "Our aircraft struck a weapons depot near Homs on Tuesday", said))
                .when().post("/api/claims").then().statusCode(201).body("possibleDuplicates", nullValue());
        Map<String, Object> different = Api.claim(ministry, "A convoy was hit in Idlib", said);
        different.put("ifDuplicate", "reject");
        given().contentType(ContentType.JSON).body(different).when().post("/api/claims").then().statusCode(201)
                .body("possibleDuplicates", nullValue());
        Map<String, Object> bogus = Api.claim(ministry, "x", said);
        bogus.put("ifDuplicate", "merge");
        given().contentType(ContentType.JSON).body(bogus).when().post("/api/claims").then().statusCode(400)
                .body("errors[0].field", equalTo("ifDuplicate"));
    }
}
