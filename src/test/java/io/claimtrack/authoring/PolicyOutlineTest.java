package io.claimtrack.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.claimtrack.rules.CompiledRuleset;
import io.claimtrack.rules.RulesetCompiler;

/** The default policy's outline, made from its rules: the status table in the order the DRL's precedences give. */
class PolicyOutlineTest {

    @Test
    void theDefaultPolicysStatusTableFlagsAndOtherRulesAreReadFromItsRules() throws IOException {
        PolicyOutline.Outline outline = PolicyOutline.of(1, rules());

        List<String> statuses = outline.statuses().stream().map(row -> row.precedence() + " " + row.status()).toList();
        assertEquals(List.of("10 RETRACTED", "15 null", "20 REFUTED", "20 REFUTED", "30 CONTESTED", "40 CONFIRMED",
                "50 CORROBORATED", "60 UNVERIFIED"), statuses, "the rows in precedence order (a verdict's status is its own)");
        PolicyOutline.StatusRow retracted = outline.statuses().get(0);
        assertEquals("Claim retracted by its own claimant is RETRACTED", retracted.rule());
        assertEquals("status.drl", retracted.file());
        assertEquals(List.of("Claim ($retraction) where $retracted : retracts != null, $claimant : claimant",
                "Claim ($claim) where id == $retracted, claimant == $claimant"), retracted.looksAt());
        assertTrue(outline.statuses().get(2).looksAt().contains("no StatusCandidate where claim == $claim, precedence < 20"),
                outline.statuses().get(2).looksAt().toString());

        assertEquals(List.of("RATING_AT_ODDS", "RATING_AT_ODDS", "SELF_DISPUTED", "STALE", "WIDELY_CONTESTED"),
                outline.flags().stream().map(PolicyOutline.FlagRow::flag).sorted().toList());
        PolicyOutline.FlagRow stale = outline.flags().stream().filter(f -> f.flag().equals("STALE")).findFirst().orElseThrow();
        assertTrue(stale.looksAt().stream().anyMatch(line -> line.startsWith("no Claim where repliesTo == $claimId")
                && line.contains(" and Now where isInLastDays( $replyAt, 30 )")), stale.looksAt().toString());
        assertTrue(outline.others().stream().anyMatch(rule -> rule.concludes().contains("CountedDispute")),
                "the counted relations are rules of their own");
    }

    @Test
    void aFileNestedDeeperThanTheParserReadsOrThatDoesNotParseIsNamedNotFatal() throws IOException {
        Map<String, String> files = rules();
        files.put("deep.drl", "package io.claimtrack.policy;\nimport io.claimtrack.facts.*;\nrule \"deep\"\nwhen\n  Claim( id == "
                + "(".repeat(5000) + "1" + ")".repeat(5000) + " )\nthen\nend\n");
        files.put("broken.drl", "package io.claimtrack.policy;\nrule \"broken\"\nwhen\n  Claim( id == )\nthen\nend\n");
        PolicyOutline.Outline outline = PolicyOutline.of(2, files);
        assertEquals(List.of("broken.drl", "deep.drl"), outline.unreadable());
        assertEquals(8, outline.statuses().size(), "the other files are outlined all the same");
    }

    @Test
    void eachRowNamesTheScenariosOfTheLastCheckThatExerciseIt() throws IOException {
        Map<String, String> files = rules();
        CompiledRuleset compiled = new RulesetCompiler().compile(1, files);
        List<ScenarioResult> results = new ScenarioRunner().runAll(compiled, ScenarioRunner.read(Path.of("rules", "scenarios")));
        TestRun tests = new TestRun(1, true, results.size(), 0, results);

        PolicyOutline.Outline outline = PolicyOutline.of(1, files, tests);
        PolicyOutline.StatusRow contested = outline.statuses().stream().filter(r -> "CONTESTED".equals(r.status()))
                .findFirst().orElseThrow();
        assertTrue(contested.exercisedBy().contains("The seed article: Russia's claim is contested, not widely"),
                contested.exercisedBy().toString());
        PolicyOutline.StatusRow retracted = outline.statuses().get(0);
        assertEquals(results.stream().filter(r -> r.rules().contains(retracted.rule())).map(ScenarioResult::name).toList(),
                retracted.exercisedBy());
        assertEquals(null, PolicyOutline.of(1, files).statuses().get(0).exercisedBy(), "not checked: not known");
    }

    private static Map<String, String> rules() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> drl = Files.list(Path.of("rules"))) {
            for (Path file : drl.filter(p -> p.toString().endsWith(".drl")).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }
}
