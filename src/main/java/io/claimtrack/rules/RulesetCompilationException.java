package io.claimtrack.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A ruleset that does not compile, with every problem found. */
public class RulesetCompilationException extends RuntimeException {

    private final List<RuleProblem> problems;

    public RulesetCompilationException(String what, List<RuleProblem> problems) {
        super(what + " does not compile:\n" + problems.stream().map(RuleProblem::toString)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
