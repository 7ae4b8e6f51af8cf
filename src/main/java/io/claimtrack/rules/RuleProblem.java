package io.claimtrack.rules;

/** One thing wrong with a ruleset file, at the line and column where it is (0 when unknown). */
public record RuleProblem(String file, int line, int column, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity + ": " + message;
    }
}
