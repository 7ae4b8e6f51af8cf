package io.claimtrack.authoring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.rules.CompiledRuleset;
import io.claimtrack.rules.RulesDirectory;
import io.claimtrack.rules.RulesetCompiler;

/** The default policy's scenarios in {@code rules/scenarios/}: documentation that the build checks. */
class ScenarioFilesTest {

    private static final CompiledRuleset BASELINE = new RulesetCompiler().compile(1, RulesDirectory.read(Path.of("rules")));
    private static final Map<String, String> FILES = ScenarioRunner.read(Path.of("rules", "scenarios"));

    static Stream<Arguments> scenarioFiles() {
        return FILES.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarioFiles")
    void shouldPassUnderTheBaselinePolicy(String file, String json) {
        ScenarioResult result = new ScenarioRunner().run(BASELINE, file, json);

        assertTrue(result.passed(), result.toString());
    }

    @Test
    void shouldHaveScenarioFiles() {
        assertTrue(FILES.size() >= 6, "rules/scenarios holds the default policy's scenarios: " + FILES.keySet());
    }

    @Test
    void shouldReportAWrongExpectationWithExpectedAndActual() {
        String json = FILES.get("seed-article.json").replace("\"status\": \"CONTESTED\"", "\"status\": \"" + ClaimStatus.CONFIRMED + "\"");

        ScenarioResult result = new ScenarioRunner().run(BASELINE, "wrong.json", json);

        assertTrue(!result.passed() && result.failures().size() == 1
                && result.failures().get(0).expected().status() == ClaimStatus.CONFIRMED
                && result.failures().get(0).actual().status() == ClaimStatus.CONTESTED, result.toString());
    }
}
