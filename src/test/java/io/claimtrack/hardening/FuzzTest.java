package io.claimtrack.hardening;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Random and malformed JSON against every write endpoint (seeded, so a failure can be replayed): never a
 * 500, always a problem detail, never a stack trace or an internal class name.
 */
@QuarkusTest
class FuzzTest {

    private static final long SEED = 20151001L;
    private static final List<String> ENDPOINTS = List.of("/api/actors", "/api/claims", "/api/claims/1/verdicts",
            "/api/rulesets", "/api/rulesets/1/activate", "/api/users", "/api/users/desk/roles");
    private static final String[] FIELDS = {"text", "claimant", "assertedAt", "disputes", "supports", "retracts", "name",
            "kind", "blocs", "source", "quote", "topic", "status", "reason", "files", "basedOn", "force", "username",
            "password", "roles", "scenarios", "note", "url"};

    @BeforeEach
    void signInAsEveryRole() {
        TestUsers.ensure("fuzzer", "SUBMITTER", "ANALYST", "ADMIN");
        RestAssured.authentication = RestAssured.preemptive().basic("fuzzer", TestUsers.PASSWORD);
    }

    @Test
    void shouldNeverAnswer500ToRandomOrMalformedBodies() {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        for (String endpoint : ENDPOINTS) {
            boolean validated = false;
            for (int i = 0; i < 40; i++) {
                String body = body(random);
                ExtractableResponse<Response> response = given().contentType(ContentType.JSON).body(body)
                        .when().request(endpoint.endsWith("/roles") ? "PUT" : "POST", endpoint).then().extract();
                int status = response.statusCode();
                validated |= status == 400 || status == 422;
                String text = response.asString();
                if (status >= 500 || text.contains("Exception") || text.contains("at io.") || text.contains("org.hibernate")) {
                    failures.add(endpoint + " <- " + body + " -> " + status + " " + text);
                } else if (status >= 400) {
                    assertEquals("application/problem+json", response.contentType(), endpoint + " <- " + body);
                }
            }
            // Bodies that never got past sign-in or routing would prove nothing about the endpoint's own checks.
            if (!validated) {
                failures.add(endpoint + ": no body reached validation (no 400 or 422 among 40)");
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static String body(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> randomBytes(random);
            case 1 -> truncated(object(random, 0));
            case 2 -> "[" + value(random, 0) + "]";
            case 3 -> value(random, 0);
            default -> object(random, 0);
        };
    }

    private static String object(Random random, int depth) {
        StringBuilder json = new StringBuilder("{");
        int fields = random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                json.append(',');
            }
            String name = random.nextInt(5) == 0 ? word(random) : FIELDS[random.nextInt(FIELDS.length)];
            json.append('"').append(name).append("\":").append(value(random, depth + 1));
        }
        return json.append('}').toString();
    }

    private static String value(Random random, int depth) {
        return switch (random.nextInt(depth > 2 ? 8 : 11)) {
            case 0 -> "null";
            case 1 -> String.valueOf(random.nextLong());
            case 2 -> "1e999";
            case 3 -> "-0.5";
            case 4 -> random.nextBoolean() ? "true" : "false";
            case 5 -> "\"" + word(random) + "\"";
            case 6 -> "\"2015-09-30T12:00:00Z\"";
            case 7 -> "\"" + "x".repeat(random.nextInt(20_000)) + "\"";
            case 8 -> object(random, depth + 1);
            case 9 -> "[" + value(random, depth + 1) + "," + value(random, depth + 1) + "]";
            default -> "\"\\u0000\\ud800 <script>\"";
        };
    }

    private static String word(Random random) {
        String[] words = {"STATE", "CONTESTED", "Russia", "", " ", "€uro", "'; drop table claim; --", "../../etc/passwd",
                "9999999999999999999999", "-1", "0", "ADMIN", "$c", "${jndi:ldap://x}"};
        return words[random.nextInt(words.length)];
    }

    private static String truncated(String json) {
        return json.substring(0, Math.max(1, json.length() / 2));
    }

    private static String randomBytes(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(64)];
        random.nextBytes(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
