package io.claimtrack.operations;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.testing.Api;
import io.claimtrack.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What an operator sees: the metrics move with the work, and each change is one log line (the first start: FirstStartIT). */
@QuarkusTest
class OperationsTest {

    @BeforeEach
    void signIn() {
        TestUsers.signInAsDesk();
    }

    @Test
    void theMetricsMoveWithSubmissionsEvaluationsAndReplays() {
        String before = scrape();
        String claimant = Api.actor(Api.unique("Metered state"), "STATE", Api.unique("bloc"));
        Map<String, Object> claim = Api.claim(claimant, "A claim to count", Instant.now().minusSeconds(60).toString());
        given().contentType(ContentType.JSON).header("Idempotency-Key", java.util.UUID.randomUUID().toString()).body(claim)
                .when().post("/api/claims").then().statusCode(201);
        String key = java.util.UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(claim).when().post("/api/claims")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(claim).when().post("/api/claims")
                .then().statusCode(201).header("Idempotent-Replayed", "true");
        given().contentType(ContentType.JSON).body(Map.of("text", "no claimant")).when().post("/api/claims")
                .then().statusCode(400);
        String after = scrape();

        assertMoved(before, after, "claimtrack_submissions_total{outcome=\"stored\"", 2);
        assertMoved(before, after, "claimtrack_submissions_total{outcome=\"replayed\"", 1);
        assertMoved(before, after, "claimtrack_submissions_total{outcome=\"refused\"", 1);
        assertMoved(before, after, "claimtrack_idempotent_replays_total", 1);
        assertMoved(before, after, "claimtrack_evaluations_seconds_count{cause=\"submission\"", 2);
        assertMoved(before, after, "claimtrack_evaluation_thread_size_claims_count", 2);
        assertTrue(value(after, "claimtrack_rule_firings_total{pool=\"rules-live\"") > value(before,
                "claimtrack_rule_firings_total{pool=\"rules-live\""), "rules fired for the submissions");
        assertTrue(value(after, "claimtrack_evaluations_seconds_bucket{cause=\"submission\"") > 0, "a latency histogram");
        assertTrue(value(after, "claimtrack_ruleset_compilations_seconds_count") >= 1, "the baseline was compiled");
        for (String present : List.of("claimtrack_live_clients", "claimtrack_import_lines_total{outcome=\"rejected\"",
                "claimtrack_rate_limit_refusals_total{limit=\"writes\"", "agroal_active_count", "agroal_max_used_count")) {
            assertTrue(after.lines().anyMatch(line -> line.startsWith(present)), present + " in /q/metrics");
        }
    }

    @Test
    void everySeriesTheGrafanaDashboardChartsIsServed() throws IOException {
        String dashboard = Files.readString(Path.of("docs/grafana-dashboard.json"));
        String scrape = scrape();
        Matcher series = Pattern.compile("\\b(claimtrack_\\w+|agroal_\\w+)").matcher(dashboard);
        int charted = 0;
        while (series.find()) {
            String name = series.group(1);
            charted++;
            assertTrue(scrape.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " ")),
                    name + ", charted in docs/grafana-dashboard.json, is not in /q/metrics");
        }
        assertTrue(charted >= 10, "the dashboard charts the metrics");
    }

    @Test
    void eachChangeIsOneLogLineWithWhoWhatAndWhereButNoBody() {
        List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger changes = Logger.getLogger("io.claimtrack.changes");
        java.util.logging.Level level = changes.getLevel();
        changes.setLevel(java.util.logging.Level.INFO); // the test profile keeps it quiet for the other tests
        changes.addHandler(handler);
        try {
            String name = Api.unique("Logged actor");
            given().contentType(ContentType.JSON).body(Map.of("name", name, "kind", "STATE", "blocs", List.of()))
                    .when().post("/api/actors").then().statusCode(201);
            given().contentType(ContentType.JSON).body(Map.of("username", Api.unique("logged").replace(' ', '-'),
                            "password", "a password that must never be logged", "roles", List.of("VIEWER")))
                    .auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                    .when().post("/api/users").then().statusCode(201);
        } finally {
            changes.removeHandler(handler);
            changes.setLevel(level);
        }
        List<String> lines = records.stream().map(record -> String.format(record.getMessage(), record.getParameters())).toList();
        assertTrue(lines.stream().anyMatch(line -> line.matches("user=desk action=ActorResource\\.\\w+ request=\"POST /api/actors\""
                + " status=201 location=\\S*/api/actors/\\d+")), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("user=admin action=UserResource.")
                && line.contains("request=\"POST /api/users\" status=201")), lines.toString());
        assertTrue(lines.stream().noneMatch(line -> line.contains("password that must never")), "no body is logged");
    }

    private static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static void assertMoved(String before, String after, String series, double by) {
        assertEquals(value(before, series) + by, value(after, series), series);
    }

    /** The sum of the samples whose name and labels start so (0 when there is none). */
    private static double value(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
