package io.claimtrack.authoring;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A ruleset version; with its files' text when shown alone, with their names only in lists. */
public record RulesetView(int version, RulesetState state, String author, String note, Integer basedOn,
                          Instant createdAt, Instant activatedAt, Set<String> fileNames, Set<String> scenarioNames,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> files,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> scenarios) {

    static RulesetView summary(RulesetEntity ruleset) {
        return new RulesetView(ruleset.version, ruleset.state, ruleset.author, ruleset.note, ruleset.basedOn,
                ruleset.createdAt, ruleset.activatedAt, new TreeSet<>(ruleset.files.keySet()),
                new TreeSet<>(ruleset.scenarios.keySet()), null, null);
    }

    static RulesetView full(RulesetEntity ruleset) {
        return new RulesetView(ruleset.version, ruleset.state, ruleset.author, ruleset.note, ruleset.basedOn,
                ruleset.createdAt, ruleset.activatedAt, new TreeSet<>(ruleset.files.keySet()),
                new TreeSet<>(ruleset.scenarios.keySet()), new TreeMap<>(ruleset.files), new TreeMap<>(ruleset.scenarios));
    }
}
