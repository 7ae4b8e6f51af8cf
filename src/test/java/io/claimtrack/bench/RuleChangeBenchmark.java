package io.claimtrack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * B5, rule change on the running app: a draft of the default ruleset (rules/flags.drl with a comment
 * added) created and validated (compile + safety policy), previewed against every stored claim, then
 * activated; the activation reports how long making it active took and how long re-evaluating every
 * thread took. The baseline is the engine alone evaluating as many claims in memory (B1).
 */
final class RuleChangeBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleChangeBenchmark() {
    }

    /** @param inMemoryMillis Drools evaluating the same number of claims in memory (B1), or -1 */
    static void run(Report report, RunningApp app, long claims, long inMemoryMillis, boolean targets)
            throws IOException, InterruptedException {
        int active = JSON.readTree(app.get("/api/rulesets/active").body()).get("version").asInt();
        ObjectNode draft = JSON.createObjectNode().put("basedOn", active).put("note", "benchmark: the default ruleset again");
        draft.putObject("files").put("flags.drl", Files.readString(Path.of("rules/flags.drl")) + "\n// benchmark "
                + System.nanoTime() + "\n");
        long t0 = System.nanoTime();
        var created = app.postJson("/api/rulesets", draft.toString());
        int version = JSON.readTree(created.body()).get("version").asInt();
        JsonNode validation = JSON.readTree(app.postJson("/api/rulesets/" + version + "/validate", "").body());
        long validateMillis = (System.nanoTime() - t0) / 1_000_000;
        if (!validation.get("valid").asBoolean()) {
            throw new IllegalStateException("the default ruleset did not validate: " + validation);
        }
        t0 = System.nanoTime();
        JsonNode preview = JSON.readTree(app.postJson("/api/rulesets/" + version + "/preview", "").body());
        long previewMillis = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        var response = app.postJson("/api/rulesets/" + version + "/activate", "{}");
        long activateMillis = (System.nanoTime() - t0) / 1_000_000;
        JsonNode activation = JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("activation refused: " + response.body());
        }
        long activated = activation.get("activatedInMillis").asLong();
        long reevaluated = activation.get("reevaluatedInMillis").asLong();
        report.line("  %,d claims: create + validate %,d ms; preview %,d ms (%,d evaluated, %,d would change);"
                        + " activate %,d ms = active in %,d ms + every thread re-evaluated in %,d ms (%,d changed)%s",
                claims, validateMillis, previewMillis, preview.get("evaluated").asLong(), preview.get("changed").asLong(),
                activateMillis, activated, reevaluated, activation.get("changed").asLong(),
                inMemoryMillis > 0 ? String.format("; vs Drools in memory on as many claims %,d ms: %.1fx", inMemoryMillis,
                        (double) reevaluated / inMemoryMillis) : "");
        if (targets) {
            report.target("B5", "compile + validate + activate <= 2 s", String.format("%,d ms", validateMillis + activated),
                    validateMillis + activated <= 2000);
            report.target("B5", String.format("re-evaluation of %,d claims <= 30 s", claims),
                    String.format("%.1f s", reevaluated / 1000.0), reevaluated <= 30_000);
        }
    }
}
