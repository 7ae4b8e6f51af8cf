package io.claimtrack.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;


import io.claimtrack.rules.CompiledRuleset;
import io.claimtrack.rules.RuleProblem;
import io.claimtrack.rules.RulesetCompilationException;
import io.claimtrack.rules.RulesetCompiler;

/**
 * Decides whether a ruleset version may run: within the size limits, inside the safety policy, and
 * compiling. (Its conclusions are the Status and FlagRaised facts it derives: no query is needed.) Each version is compiled at most once
 * while it stays in the cache: versions never change once created.
 */
@ApplicationScoped
public class RulesetValidator {

    static final int MAX_FILES = 50;
    static final int MAX_FILE_CHARS = 100_000;
    static final int MAX_TOTAL_CHARS = 300_000;
    /** A ruleset's file names, DRL and scenario alike: no path, no hidden file, no odd character. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,100}");

    static boolean isFileName(String name, String extension) {
        return name.endsWith(extension) && FILE_NAME.matcher(name.substring(0, name.length() - extension.length())).matches();
    }
    private static final int CACHED_VERSIONS = 20;

    private final SafetyPolicy safety = new SafetyPolicy();
    private final RulesetCompiler compiler = new RulesetCompiler();
    private final Map<Integer, Validation> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Validation> eldest) {
            return size() > CACHED_VERSIONS;
        }
    };

    public synchronized Validation validate(int version, Map<String, String> files) {
        Validation cached = cache.get(version);
        if (cached != null) {
            return cached;
        }
        Validation validation = check(version, files);
        cache.put(version, validation);
        return validation;
    }

    /** File names: letters, digits, '.', '_' or '-', ending in .drl (no paths, no control characters). */
    static List<RuleProblem> names(Map<String, String> files) {
        List<RuleProblem> problems = new ArrayList<>();
        for (String name : files.keySet()) {
            if (!isFileName(name, ".drl")) {
                problems.add(error(name, 0, "a file name is letters, digits, '.', '_' or '-', ending in .drl"));
            }
        }
        return problems;
    }

    /** Size limits: a draft over them is rejected before anything else reads it. */
    static List<RuleProblem> limits(Map<String, String> files) {
        List<RuleProblem> problems = names(files);
        if (files.isEmpty()) {
            problems.add(error("", 0, "a ruleset needs at least one .drl file"));
        }
        if (files.size() > MAX_FILES) {
            problems.add(error("", 0, "too many files: " + files.size() + " (at most " + MAX_FILES + ")"));
        }
        long total = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            int size = file.getValue() == null ? 0 : file.getValue().length();
            if (size > MAX_FILE_CHARS) {
                problems.add(error(file.getKey(), 0, "file too large: " + size + " characters (at most " + MAX_FILE_CHARS + ")"));
            }
            total += size;
        }
        if (total > MAX_TOTAL_CHARS) {
            problems.add(error("", 0, "ruleset too large: " + total + " characters (at most " + MAX_TOTAL_CHARS + ")"));
        }
        return problems;
    }

    private Validation check(int version, Map<String, String> files) {
        List<RuleProblem> problems = limits(files);
        if (!problems.isEmpty()) {
            return new Validation(version, false, problems, null);
        }
        files.forEach((name, drl) -> problems.addAll(safety.check(name, drl)));
        if (problems.stream().anyMatch(RulesetValidator::isError)) {
            return new Validation(version, false, problems, null);
        }
        CompiledRuleset compiled;
        try {
            compiled = compiler.compile(version, files);
        } catch (RulesetCompilationException e) {
            List<RuleProblem> all = new ArrayList<>(e.problems());
            all.addAll(problems);
            return new Validation(version, false, all, null);
        }
        // Warnings (a join Drools cannot index) are said, and do not stop a ruleset from running.
        return new Validation(version, true, problems, compiled);
    }

    private static boolean isError(RuleProblem problem) {
        return problem.severity() == RuleProblem.Severity.ERROR;
    }

    private static RuleProblem error(String file, int line, String message) {
        return new RuleProblem(file, line, 0, RuleProblem.Severity.ERROR, message);
    }
}
