package io.claimtrack.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.claimtrack.facts.Actor;
import io.claimtrack.facts.Claim;
import io.claimtrack.facts.Verdict;
import io.claimtrack.rules.Assessment;
import io.claimtrack.rules.BoundedRun;
import io.claimtrack.rules.CompiledRuleset;
import io.claimtrack.rules.FactSet;
import io.claimtrack.rules.PolicyEvaluator;
import io.claimtrack.rules.RuleEvaluationException;
import io.claimtrack.rules.RunawayRulesException;

/**
 * Runs scenario files against a compiled ruleset, on the drafts' bounded thread ({@link BoundedRun#DRAFTS}).
 * Plain Java: the test suite uses it directly.
 */
public final class ScenarioRunner {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    /** The scenario files of a directory (e.g. {@code rules/scenarios}), by file name. */
    public static Map<String, String> read(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path file : entries.filter(f -> f.toString().endsWith(".json")).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read scenarios from " + dir, e);
        }
        return files;
    }

    public static Scenario parse(String file, String json) {
        try {
            return JSON.readValue(json, Scenario.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not a scenario: " + e.getOriginalMessage(), e);
        }
    }

    /** Runs every scenario within one budget for them all: a draft that is slow on each is stopped once. */
    public List<ScenarioResult> runAll(CompiledRuleset ruleset, Map<String, String> files) {
        BoundedRun bounds = BoundedRun.DRAFTS.sharingOneBudget();
        List<ScenarioResult> results = new ArrayList<>();
        files.forEach((file, json) -> results.add(run(bounds, ruleset, file, json)));
        return results;
    }

    public ScenarioResult run(CompiledRuleset ruleset, String file, String json) {
        return run(BoundedRun.DRAFTS, ruleset, file, json);
    }

    private ScenarioResult run(BoundedRun bounds, CompiledRuleset ruleset, String file, String json) {
        Scenario scenario;
        try {
            scenario = parse(file, json);
        } catch (IllegalArgumentException e) {
            return new ScenarioResult(file, file, false, List.of(), e.getMessage(), List.of());
        }
        try {
            Map<String, Long> ids = new HashMap<>();
            List<Claim> claims = claims(scenario, ids);
            Instant now = scenario.now() != null ? scenario.now()
                    : claims.stream().map(Claim::getAssertedAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
            List<Verdict> verdicts = new ArrayList<>();
            for (Scenario.ScenarioVerdict v : scenario.verdicts() == null ? List.<Scenario.ScenarioVerdict>of() : scenario.verdicts()) {
                verdicts.add(new Verdict(verdicts.size() + 1, id(ids, v.claim()), v.status(),
                        v.analyst() == null ? "analyst" : v.analyst(), v.reason() == null ? "" : v.reason(), now));
            }
            Map<Long, Assessment> outcome = evaluator.evaluate(bounds, ruleset, new FactSet(claims, verdicts, now));
            List<ScenarioResult.Mismatch> failures = new ArrayList<>();
            for (Scenario.Expectation expected : scenario.expect()) {
                Assessment actual = outcome.get(id(ids, expected.claim()));
                Set<io.claimtrack.facts.Flag> expectedFlags = expected.flags() == null ? Set.of() : expected.flags();
                boolean ok = actual.status() == expected.status() && actual.flags().keySet().equals(expectedFlags)
                        && (expected.rule() == null || expected.rule().equals(actual.rule()));
                if (!ok) {
                    failures.add(new ScenarioResult.Mismatch(expected.claim(),
                            new ScenarioResult.Outcome(expected.status(), new TreeSet<>(expectedFlags), expected.rule()),
                            new ScenarioResult.Outcome(actual.status(), new TreeSet<>(actual.flags().keySet()), actual.rule())));
                }
            }
            return new ScenarioResult(file, scenario.name(), failures.isEmpty(), failures, null, exercised(outcome));
        } catch (RunawayRulesException e) {
            throw e; // a ruleset that runs away is refused whole, not reported scenario by scenario
        } catch (RuleEvaluationException | IllegalArgumentException e) {
            return new ScenarioResult(file, scenario.name(), false, List.of(), e.getMessage(), List.of());
        }
    }

    /** The rules whose conclusions stand in the outcome: each claim's status rule, flag rules and suggestion rule. */
    private static List<String> exercised(Map<Long, Assessment> outcome) {
        java.util.SortedSet<String> rules = new TreeSet<>();
        for (Assessment assessment : outcome.values()) {
            if (assessment.rule() != null) {
                rules.add(assessment.rule());
            }
            assessment.flags().values().forEach(reason -> rules.add(reason.rule()));
            if (assessment.suggestion() != null && assessment.suggestion().rule() != null) {
                rules.add(assessment.suggestion().rule());
            }
        }
        return List.copyOf(rules);
    }

    private static List<Claim> claims(Scenario scenario, Map<String, Long> ids) {
        Map<String, Actor> actors = new HashMap<>();
        for (Scenario.ScenarioActor a : scenario.actors()) {
            actors.put(a.name(), new Actor(a.name(), a.kind(), a.blocs()));
        }
        List<Claim> claims = new ArrayList<>();
        for (Scenario.ScenarioClaim c : scenario.claims()) {
            Actor claimant = actors.get(c.claimant());
            if (claimant == null) {
                throw new IllegalArgumentException("claim " + c.ref() + ": unknown actor " + c.claimant());
            }
            long id = claims.size() + 1;
            claims.add(new Claim(id, claimant, null, c.assertedAt(), ref(ids, c.disputes()), ref(ids, c.supports()),
                    ref(ids, c.retracts())));
            ids.put(c.ref(), id);
        }
        return claims;
    }

    private static Long ref(Map<String, Long> ids, String ref) {
        return ref == null ? null : id(ids, ref);
    }

    private static long id(Map<String, Long> ids, String ref) {
        Long id = ids.get(ref);
        if (id == null) {
            throw new IllegalArgumentException("no earlier claim with ref \"" + ref + "\"");
        }
        return id;
    }
}
