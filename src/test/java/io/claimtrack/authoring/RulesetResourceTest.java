package io.claimtrack.authoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.time.MovableClock;
import io.claimtrack.testing.TestUsers;
import io.claimtrack.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class RulesetResourceTest {

    @BeforeEach
    void signIn() {
        TestUsers.signInAsDesk();
    }

    private static final String CONTESTED_RULE = "rule \"Claim disputed by an independent actor is CONTESTED\"";

    @Inject
    MovableClock clock;

    @Test
    void shouldNumberDraftsCreatedAtOnceOneAfterTheOther() throws Exception {
        int active = Api.activeRulesetVersion();
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> created = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                created.add(clients.submit(() -> given().contentType(ContentType.JSON)
                        .body(Map.of("basedOn", active, "note", "created at once", "files", Map.of()))
                        .when().post("/api/rulesets").then().statusCode(201).extract().jsonPath().getInt("version")));
            }
            Set<Integer> versions = new HashSet<>();
            for (java.util.concurrent.Future<Integer> version : created) {
                versions.add(version.get());
            }
            assertEquals(8, versions.size(), "eight drafts, eight numbers: " + versions);
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void shouldServeTheBaselineAsAnActiveVersion() {
        given().when().get("/api/rulesets/active")
                .then().statusCode(200)
                .body("state", equalTo("ACTIVE"), "files", hasKey("status.drl"), "files", hasKey("flags.drl"),
                        "files.'status.drl'", containsString(CONTESTED_RULE));
        given().when().get("/api/rulesets").then().statusCode(200).body("state", hasItem("ACTIVE"));
        given().when().get("/api/rulesets/987654").then().statusCode(404);
    }

    @Test
    void shouldAnswer400ForABadFileNameNot413() {
        for (String name : List.of("../../x.drl", "/etc/x.drl", "nul\u0000.drl", "no-extension")) {
            given().contentType(ContentType.JSON).body(Map.of("files", Map.of(name, "package io.claimtrack.policy;\n")))
                    .when().post("/api/rulesets")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("files." + name));
        }
    }

    @Test
    void shouldPreviewActivateAndRollBackADraftThatDropsContested() {
        JsonPath active = given().when().get("/api/rulesets/active").then().extract().jsonPath();
        int baseline = active.getInt("version");
        String status = active.getString("files.'status.drl'");
        int start = status.indexOf(CONTESTED_RULE);
        String withoutContested = status.substring(0, start) + status.substring(status.indexOf("\nend\n", start) + 5);
        long claim = contestedClaim();

        int draft = given().contentType(ContentType.JSON)
                .body(Map.of("note", "what if disputes alone did not count?", "basedOn", baseline,
                        "files", Map.of("status.drl", withoutContested)))
                .when().post("/api/rulesets")
                .then().statusCode(201)
                .body("state", equalTo("DRAFT"), "basedOn", equalTo(baseline), "fileNames", hasItem("flags.drl"))
                .extract().jsonPath().getInt("version");

        given().when().post("/api/rulesets/" + draft + "/validate").then().statusCode(200).body("valid", equalTo(true));
        given().when().post("/api/rulesets/" + draft + "/test")
                .then().statusCode(200)
                .body("passed", equalTo(false), "failed", greaterThan(0),
                        "results.find { it.file == 'seed-article.json' }.failures[0].expected.status", equalTo("CONTESTED"),
                        "results.find { it.file == 'seed-article.json' }.failures[0].actual.status", equalTo("UNVERIFIED"));
        given().when().get("/api/rulesets/" + draft + "/diff?against=" + baseline)
                .then().statusCode(200)
                .body("find { it.file == 'status.drl' }.change", equalTo("MODIFIED"),
                        "find { it.file == 'status.drl' }.diff", containsString("-" + CONTESTED_RULE),
                        "find { it.file == 'flags.drl' }.change", equalTo("UNCHANGED"));

        Set<Long> previewed = previewedClaims(draft);
        assertTrue(previewed.contains(claim), "the draft would move our contested claim");
        given().when().post("/api/rulesets/" + draft + "/preview?size=500")
                .then().body("transitions.'CONTESTED->UNVERIFIED'", greaterThan(0));
        given().when().get("/api/claims/" + claim).then().body("status", equalTo("CONTESTED"));

        given().contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/rulesets/" + draft + "/activate")
                .then().statusCode(409).body("detail", containsString("scenarios fail"));
        // No body is the same as {}: refused for the failing scenarios, not for a missing body.
        given().when().post("/api/rulesets/" + draft + "/activate")
                .then().statusCode(409).body("detail", containsString("scenarios fail"));
        given().contentType(ContentType.JSON).when().post("/api/rulesets/" + draft + "/activate")
                .then().statusCode(409).body("detail", containsString("scenarios fail"));
        given().contentType(ContentType.JSON).body(Map.of("force", true))
                .when().post("/api/rulesets/" + draft + "/activate")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));

        try {
            given().contentType(ContentType.JSON)
                    .body(Map.of("force", true, "reason", "trial run of the desk's new standard"))
                    .when().post("/api/rulesets/" + draft + "/activate")
                    .then().statusCode(200)
                    .body("version", equalTo(draft), "previousVersion", equalTo(baseline), "forced", equalTo(true),
                            "cause", equalTo("ruleset v" + draft + " activated"));

            given().when().get("/api/claims/" + claim)
                    .then().body("status", equalTo("UNVERIFIED"), "reason.rulesetVersion", equalTo(draft));
            assertEquals(previewed, claimsWhoseLatestCauseIs("ruleset v" + draft + " activated", previewed),
                    "the preview's changes are the changes recorded on activation");
        } finally {
            given().contentType(ContentType.JSON).body(Map.of())
                    .when().post("/api/rulesets/" + baseline + "/activate")
                    .then().statusCode(200).body("rollback", equalTo(true),
                            "cause", equalTo("ruleset v" + baseline + " activated (rollback from v" + draft + ")"));
        }

        given().when().get("/api/claims/" + claim)
                .then().body("status", equalTo("CONTESTED"), "reason.rulesetVersion", equalTo(baseline));
        given().when().get("/api/claims/" + claim + "/history")
                .then().body("cause[-2]", equalTo("ruleset v" + draft + " activated"),
                        "cause[-1]", equalTo("ruleset v" + baseline + " activated (rollback from v" + draft + ")"));
        given().when().get("/api/rulesets/audit")
                .then().body("find { it.version == " + draft + " && it.action == 'FORCED_ACTIVATION' }.actor", equalTo(TestUsers.DESK),
                        "find { it.version == " + draft + " && it.action == 'CREATE' }.actor", equalTo(TestUsers.DESK),
                        "find { it.version == " + baseline + " && it.action == 'ROLLBACK' }.actor", equalTo(TestUsers.DESK));
        given().when().get("/api/rulesets/" + draft).then().body("state", equalTo("RETIRED"));
        given().when().get("/api/rulesets/active").then().body("version", equalTo(baseline));
    }

    @Test
    void shouldReportASyntaxErrorWithFileLineAndColumnAndRefuseToActivate() {
        String broken = "package io.claimtrack.policy;\n\nimport io.claimtrack.facts.*;\n\nrule \"broken\"\nwhen\n    $c : Claim( id == )\nthen\nend\n";
        int draft = draft(Map.of("broken.drl", broken));

        given().when().post("/api/rulesets/" + draft + "/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false), "problems[0].file", equalTo("broken.drl"),
                        "problems[0].line", equalTo(7), "problems[0].column", greaterThan(0),
                        "problems[0].severity", equalTo("ERROR"));
        given().contentType(ContentType.JSON).body(Map.of("force", true, "reason", "please"))
                .when().post("/api/rulesets/" + draft + "/activate")
                .then().statusCode(422).body("errors[0].field", startsWith("broken.drl:7:"));
        given().when().get("/api/rulesets/audit")
                .then().body("find { it.version == " + draft + " && it.action == 'VALIDATION_FAILED' }.detail",
                        containsString("broken.drl:7"));
    }

    @Test
    void shouldRejectUnsafeDraftsAndKeepServing() {
        int activeBefore = Api.activeRulesetVersion();
        String header = "package io.claimtrack.policy;\nimport io.claimtrack.facts.*;\n";
        List<String> unsafe = List.of(
                header + "rule \"exit\"\nwhen\n  $c : Claim()\nthen\n  System.exit(0);\nend\n",
                header + "rule \"exec\"\nwhen\n  $c : Claim()\nthen\n  insertLogical(new Status($c, ClaimStatus.UNVERIFIED, \"r\", \"\" + java.lang.Runtime.getRuntime().exec(\"id\")));\nend\n",
                header + "global java.util.List sink;\n",
                header + "function void pwn() { }\n",
                header + "rule \"mvel\"\ndialect \"mvel\"\nwhen\n  $c : Claim()\nthen\nend\n");
        for (String drl : unsafe) {
            int draft = draft(Map.of("evil.drl", drl));
            given().when().post("/api/rulesets/" + draft + "/validate")
                    .then().statusCode(200)
                    .body("valid", equalTo(false), "problems[0].file", equalTo("evil.drl"),
                            "problems[0].message", startsWith("not allowed:"), "problems[0].line", greaterThan(0));
            given().contentType(ContentType.JSON).body(Map.of("force", true, "reason", "trust me"))
                    .when().post("/api/rulesets/" + draft + "/activate")
                    .then().statusCode(422);
        }
        given().when().get("/api/rulesets/active").then().body("version", equalTo(activeBefore));
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void shouldNeverActivateADraftThatLoops() {
        JsonPath active = given().when().get("/api/rulesets/active").then().extract().jsonPath();
        int activeBefore = active.getInt("version");
        // Inserting the flag defeats its own condition: truth maintenance would retract and re-insert forever.
        String looping = "package io.claimtrack.policy;\nimport io.claimtrack.facts.*;\n"
                + "rule \"flip-flop\"\nwhen\n  $c : Claim()\n  not FlagRaised( claim == $c, flag == Flag.STALE )\nthen\n"
                + "  insertLogical( new FlagRaised( $c, Flag.STALE, drools.getRule().getName(), \"again\" ) );\nend\n";
        int draft = given().contentType(ContentType.JSON)
                .body(Map.of("basedOn", activeBefore, "files", Map.of("loop.drl", looping)))
                .when().post("/api/rulesets").then().statusCode(201).extract().jsonPath().getInt("version");

        given().when().post("/api/rulesets/" + draft + "/validate").then().body("valid", equalTo(true));
        given().when().post("/api/rulesets/" + draft + "/test")
                .then().statusCode(200).body("passed", equalTo(false),
                        "results[0].error", containsString("does not settle"));
        given().contentType(ContentType.JSON).body(Map.of("force", true, "reason", "try"))
                .when().post("/api/rulesets/" + draft + "/activate")
                .then().statusCode(422).body("detail", containsString("fails to evaluate"));
        given().when().get("/api/rulesets/active").then().body("version", equalTo(activeBefore));
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void shouldRejectHugeAndEmptyDraftsAndUnknownBases() {
        String huge = "// " + "x".repeat(RulesetValidator.MAX_FILE_CHARS) + "\n";
        given().contentType(ContentType.JSON).body(Map.of("files", Map.of("huge.drl", huge)))
                .when().post("/api/rulesets").then().statusCode(413).body("errors[0].field", equalTo("files.huge.drl"));
        given().contentType(ContentType.JSON).body(Map.of("note", "nothing"))
                .when().post("/api/rulesets").then().statusCode(400).body("errors[0].field", equalTo("files"));
        given().contentType(ContentType.JSON).body(Map.of("basedOn", 987654, "files", Map.of()))
                .when().post("/api/rulesets").then().statusCode(422).body("errors[0].field", equalTo("basedOn"));
        given().contentType(ContentType.JSON).body(Map.of("author", "someone else", "files", Map.of("a.drl", "package io.claimtrack.policy;")))
                .when().post("/api/rulesets").then().statusCode(400).body("errors[0].field", equalTo("author"),
                        "errors[0].message", equalTo("unknown property"));
        given().when().get("/api/rulesets/1/diff").then().statusCode(400).body("errors[0].field", equalTo("against"));
    }

    @Test
    void shouldRemoveAFileMappedToNullAndRunAttachedScenarios() {
        int baseline = Api.activeRulesetVersion();
        Map<String, Object> files = new HashMap<>();
        files.put("counted-relations.drl", null);
        String scenario = """
                {"name": "attached: a dispute makes a claim contested",
                 "actors": [{"name": "A", "kind": "STATE", "blocs": ["a"]}, {"name": "B", "kind": "STATE", "blocs": ["b"]}],
                 "claims": [{"ref": "c", "claimant": "A", "assertedAt": "2020-01-01T00:00:00Z"},
                            {"ref": "d", "claimant": "B", "assertedAt": "2020-01-02T00:00:00Z", "disputes": "c"}],
                 "expect": [{"claim": "c", "status": "CONTESTED", "flags": []}]}
                """;
        int draft = given().contentType(ContentType.JSON)
                .body(Map.of("basedOn", baseline, "files", files, "scenarios", Map.of("mine.json", scenario)))
                .when().post("/api/rulesets").then().statusCode(201)
                .body("fileNames", org.hamcrest.Matchers.not(hasItem("counted-relations.drl")))
                .extract().jsonPath().getInt("version");

        given().when().post("/api/rulesets/" + draft + "/test")
                .then().statusCode(200)
                .body("results.find { it.file == 'attached/mine.json' }.passed", equalTo(false),
                        "results.find { it.file == 'attached/mine.json' }.failures[0].actual.status", equalTo("UNVERIFIED"));
    }

    private static org.hamcrest.Matcher<String> startsWith(String prefix) {
        return org.hamcrest.Matchers.startsWith(prefix);
    }

    private static int draft(Map<String, String> files) {
        return given().contentType(ContentType.JSON).body(Map.of("files", files))
                .when().post("/api/rulesets").then().statusCode(201).extract().jsonPath().getInt("version");
    }

    private long contestedClaim() {
        String a = "A " + UUID.randomUUID();
        String b = "B " + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("name", a, "kind", "STATE", "blocs", List.of(a)))
                .when().post("/api/actors").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("name", b, "kind", "STATE", "blocs", List.of(b)))
                .when().post("/api/actors").then().statusCode(201);
        String at = clock.instant().minus(Duration.ofMinutes(5)).toString();
        long claim = given().contentType(ContentType.JSON).body(Map.of("text", "t", "claimant", a, "assertedAt", at))
                .when().post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("id");
        given().contentType(ContentType.JSON).body(Map.of("text", "no", "claimant", b, "assertedAt", at, "disputes", claim))
                .when().post("/api/claims").then().statusCode(201);
        return claim;
    }

    private static Set<Long> previewedClaims(int draft) {
        Set<Long> ids = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonPath preview = given().when().post("/api/rulesets/" + draft + "/preview?size=500&page=" + page)
                    .then().statusCode(200).extract().jsonPath();
            List<Long> onPage = preview.getList("changes.claimId", Long.class);
            ids.addAll(onPage);
            if (onPage.size() < 500) {
                assertEquals(preview.getInt("changed"), ids.size());
                return ids;
            }
        }
    }

    /** Of every claim, those whose latest history entry has this cause. */
    private static Set<Long> claimsWhoseLatestCauseIs(String cause, Set<Long> candidates) {
        Set<Long> matching = new HashSet<>();
        int total = given().when().get("/api/stats").then().extract().jsonPath().getInt("total");
        for (int page = 0; page * 100 < total; page++) {
            for (Long id : given().queryParam("size", 100).queryParam("page", page).when().get("/api/claims")
                    .then().extract().jsonPath().getList("items.id", Long.class)) {
                List<String> causes = given().when().get("/api/claims/" + id + "/history").then().extract()
                        .jsonPath().getList("cause");
                if (cause.equals(causes.get(causes.size() - 1))) {
                    matching.add(id);
                }
            }
        }
        return matching;
    }
}
