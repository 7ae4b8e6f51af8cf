package io.claimtrack.authoring;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.claimtrack.refusal.Contradiction;
import io.claimtrack.refusal.FieldError;
import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.refusal.TooLarge;
import io.claimtrack.rules.RuleProblem;

/**
 * Writes drafts: a new version's files and scenarios, whole or as changes to a base version. A draft is
 * stored as written, once its names and sizes are acceptable; whether it may run is for the checks.
 */
@ApplicationScoped
public class Drafts {

    private final Clock clock;

    public Drafts(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public RulesetView create(NewRuleset request, String author) {
        RulesetEntity base = base(request);
        RulesetEntity draft = new RulesetEntity();
        draft.files.putAll(merge(base == null ? Map.of() : base.files, request.files(), "files"));
        draft.scenarios.putAll(merge(base == null ? Map.of() : base.scenarios, request.scenarios(), "scenarios"));
        checkFiles(draft.files);
        checkScenarios(draft.scenarios);
        draft.version = RulesetEntity.nextDraftVersion();
        draft.state = RulesetState.DRAFT;
        draft.author = author;
        draft.note = request.note();
        draft.basedOn = request.basedOn();
        draft.createdAt = clock.instant();
        draft.persist();
        RulesetAuditEntity.record(draft.createdAt, draft.author, "CREATE", draft.version,
                (base == null ? "" : "based on v" + base.version + "; ") + "files " + new TreeSet<>(draft.files.keySet())
                        + (request.note() == null ? "" : "; note: " + request.note()));
        return RulesetView.full(draft);
    }

    /** The version the draft changes, or null when it gives all its files. */
    private static RulesetEntity base(NewRuleset request) {
        if (request.basedOn() != null) {
            RulesetEntity base = RulesetEntity.findById(request.basedOn());
            if (base == null) {
                throw new Contradiction("basedOn", "ruleset v" + request.basedOn() + " does not exist");
            }
            return base;
        }
        if (request.files() == null || request.files().isEmpty()) {
            throw new InvalidInput("files", "give the draft's files, or basedOn and the files that change");
        }
        return null;
    }

    private static void checkFiles(Map<String, String> files) {
        List<RuleProblem> names = RulesetValidator.names(files);
        if (!names.isEmpty()) {
            throw new InvalidInput("the draft is refused: " + names.get(0).message(),
                    names.stream().map(p -> new FieldError("files." + p.file(), p.message())).toList());
        }
        List<RuleProblem> limits = RulesetValidator.limits(files);
        if (!limits.isEmpty()) {
            throw new TooLarge("the draft is refused: " + limits.get(0).message(), limits.stream()
                    .map(p -> new FieldError("files" + (p.file().isEmpty() ? "" : "." + p.file()), p.message())).toList());
        }
    }

    private static void checkScenarios(Map<String, String> scenarios) {
        for (Map.Entry<String, String> scenario : scenarios.entrySet()) {
            if (!RulesetValidator.isFileName(scenario.getKey(), ".json")) {
                throw new InvalidInput("scenarios." + scenario.getKey(), "a scenario file name ends in .json");
            }
            try {
                ScenarioRunner.parse(scenario.getKey(), scenario.getValue());
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("scenarios." + scenario.getKey(), e.getMessage());
            }
        }
    }

    /** The base's files with the changes applied: a null content removes a file. */
    private static Map<String, String> merge(Map<String, String> base, Map<String, String> changes, String field) {
        Map<String, String> merged = new TreeMap<>(base);
        if (changes != null) {
            changes.forEach((name, content) -> {
                if (name == null || name.isBlank()) {
                    throw new InvalidInput(field, "a file name must not be blank");
                }
                if (content == null) {
                    merged.remove(name);
                } else {
                    merged.put(name, content);
                }
            });
        }
        return merged;
    }
}
