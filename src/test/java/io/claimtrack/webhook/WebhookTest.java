package io.claimtrack.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.testing.Api;
import io.claimtrack.testing.Await;
import io.claimtrack.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Webhooks to a receiver on this machine: signed, in order per claim, retried until it answers 2xx, written
 * only by what commits, stopped by disabling, and never sent where a subscription should not reach.
 */
@QuarkusTest
class WebhookTest {

    private static final String SECRET = "a-shared-secret-for-the-receiver";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer receiver;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger failFirst = new AtomicInteger();

    record Received(String event, String delivery, String signature, String body) {
    }

    @BeforeEach
    void startReceiver() throws IOException {
        TestUsers.signInAsDesk();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (failFirst.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                synchronized (received) {
                    received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookDeliverer.EVENT),
                            exchange.getRequestHeaders().getFirst(WebhookDeliverer.DELIVERY),
                            exchange.getRequestHeaders().getFirst(WebhookDeliverer.SIGNATURE),
                            new String(body, StandardCharsets.UTF_8)));
                }
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        // What a test subscribed stops with it, so the next test's receiver hears only its own.
        for (Map<String, Object> webhook : admin().when().get("/api/webhooks").then().extract().jsonPath()
                .<Map<String, Object>>getList("$")) {
            if (webhook.get("disabledAt") == null) {
                admin().when().delete("/api/webhooks/" + webhook.get("id")).then().statusCode(200);
            }
        }
    }

    @Test
    void eventsArriveSignedAndInOrderPerClaim() throws Exception {
        long webhook = subscribe(List.of("CLAIM_SUBMITTED", "STANDING_CHANGED", "FLAG_RAISED"));
        String a = Api.actor(Api.unique("Hooked A"), "STATE", Api.unique("bloc A"));
        String b = Api.actor(Api.unique("Hooked B"), "STATE", Api.unique("bloc B"));
        long claim = Api.submit(Api.claim(a, "A port was mined", "2026-01-01T00:00:00Z"));
        long dispute = Api.relate(b, "disputes", claim, "2026-01-02T00:00:00Z");

        List<Received> got = awaitReceived(4);
        Set<String> deliveries = new HashSet<>();
        List<String> aboutTheClaim = new ArrayList<>();
        for (Received delivery : got) {
            assertEquals("sha256=" + WebhookDeliverer.sign(SECRET, delivery.body().getBytes(StandardCharsets.UTF_8)),
                    delivery.signature(), "signed with the secret");
            assertTrue(deliveries.add(delivery.delivery()), "each delivery has an id of its own");
            JsonNode body = JSON.readTree(delivery.body());
            assertEquals(delivery.event(), body.get("event").asText());
            if (body.get("claimId").asLong() == claim) {
                aboutTheClaim.add(delivery.event() + (body.at("/data/flag").isMissingNode() ? "" : " " + body.at("/data/flag").asText()));
            }
        }
        // The dispute makes the claim CONTESTED and, being long asserted, STALE: after it was submitted, in order.
        assertEquals(List.of("CLAIM_SUBMITTED", "STANDING_CHANGED", "FLAG_RAISED STALE"), aboutTheClaim);
        assertTrue(got.stream().anyMatch(d -> d.body().contains("\"claimId\":" + dispute)), "the dispute's own submission");
        admin().when().get("/api/webhooks/" + webhook + "/deliveries").then().statusCode(200)
                .body("deliveredAt", everyItem(not(equalTo(null))), "attempts", everyItem(equalTo(1)));
        admin().when().get("/api/webhooks").then().body("find { it.id == " + webhook + " }.secret", equalTo(null));
    }

    @Test
    void aReceiverThatFailsIsTriedAgainUntilItAnswers() {
        long webhook = subscribe(List.of("CLAIM_SUBMITTED"));
        failFirst.set(2);
        String a = Api.actor(Api.unique("Retried"), "STATE", Api.unique("bloc"));
        long claim = Api.submit(Api.claim(a, "A dam was breached", "2026-01-01T00:00:00Z"));

        Received delivery = awaitReceived(1).get(0);
        assertTrue(delivery.body().contains("\"claimId\":" + claim));
        admin().when().get("/api/webhooks/" + webhook + "/deliveries").then()
                .body("[0].attempts", equalTo(3), "[0].lastStatus", equalTo(204), "[0].lastError", equalTo(null));
    }

    @Test
    void onlyWhatCommitsIsToldAndADisabledSubscriptionHearsNothing() {
        long webhook = subscribe(List.of("CLAIM_SUBMITTED"));
        // Refused (an unknown claimant): rolled back, so nothing is written to the outbox.
        given().contentType(ContentType.JSON).body(Api.claim("Nobody " + Api.unique("x"), "x", "2026-01-01T00:00:00Z"))
                .when().post("/api/claims").then().statusCode(422);
        admin().when().delete("/api/webhooks/" + webhook).then().statusCode(200).body("disabledBy", equalTo(TestUsers.ADMIN));
        admin().when().delete("/api/webhooks/" + webhook).then().statusCode(409);
        Api.submit(Api.claim(Api.actor(Api.unique("Unheard"), "STATE"), "Not told", "2026-01-01T00:00:00Z"));
        admin().when().get("/api/webhooks/" + webhook + "/deliveries").then().statusCode(200).body("size()", equalTo(0));
        synchronized (received) {
            assertEquals(0, received.size());
        }
    }

    @Test
    void subscriptionsThatCouldMisleadOrProbeAreRefused() {
        post(Map.of("url", "ftp://127.0.0.1/x", "secret", SECRET, "events", List.of("CLAIM_SUBMITTED"))).statusCode(400)
                .body("errors[0].field", equalTo("url"));
        post(Map.of("url", "http://10.1.2.3/x", "secret", SECRET, "events", List.of("CLAIM_SUBMITTED"))).statusCode(400)
                .body("detail", containsString("allowed-hosts"));
        post(Map.of("url", "http://user:pw@127.0.0.1/x", "secret", SECRET, "events", List.of("CLAIM_SUBMITTED")))
                .statusCode(400);
        post(Map.of("url", "http://127.0.0.1/x", "secret", "short", "events", List.of("CLAIM_SUBMITTED"))).statusCode(400)
                .body("errors[0].field", equalTo("secret"));
        post(Map.of("url", "http://127.0.0.1/x", "secret", SECRET, "events", List.of())).statusCode(400);
        post(Map.of("url", "http://127.0.0.1/x", "secret", SECRET, "events", List.of("EVERYTHING"))).statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1/x", "secret", SECRET,
                "events", List.of("CLAIM_SUBMITTED"))).when().post("/api/webhooks").then().statusCode(403);

        // Without an allow-list, this machine, private networks and link-local addresses are refused.
        WebhookTargets open = new WebhookTargets(Optional.empty());
        for (String url : List.of("http://127.0.0.1/x", "http://[::1]/x", "http://169.254.169.254/latest/meta-data",
                "http://192.168.1.1/", "http://10.0.0.7/", "http://0.0.0.0/", "http://[fd00::1]/")) {
            assertThrows(InvalidInput.class, () -> open.checked(url), url);
        }
        assertEquals("https://93.184.216.34/hook", open.checked("https://93.184.216.34/hook").toString());
    }

    private long subscribe(List<String> events) {
        return post(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "secret", SECRET,
                "events", events)).statusCode(201).body("secret", equalTo(null)).extract().jsonPath().getLong("id");
    }

    private io.restassured.response.ValidatableResponse post(Map<String, Object> body) {
        return admin().contentType(ContentType.JSON).body(body).when().post("/api/webhooks").then().log().ifValidationFails();
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    private List<Received> awaitReceived(int count) {
        Await.until(count + " deliveries", Duration.ofSeconds(30), () -> {
            synchronized (received) {
                return received.size() >= count;
            }
        });
        synchronized (received) {
            return List.copyOf(received);
        }
    }
}
