package io.claimtrack.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One thing wrong with a ruleset file, at the line and column where it is (0 when unknown). */
public record RuleProblem(String file, int line, int column, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    /** Drools often leaves the line or column at 0 and writes "Line 5:29" in the message instead. */
    private static final Pattern LINE_AND_COLUMN = Pattern.compile("[Ll]ine (\\d+):(\\d+)");

    /** A problem at the line and column reported, or else at those the message names. */
    public static RuleProblem at(String file, int line, int column, Severity severity, String message) {
        Matcher at = LINE_AND_COLUMN.matcher(message);
        if (at.find()) {
            line = line > 0 ? line : Integer.parseInt(at.group(1));
            column = column > 0 ? column : Integer.parseInt(at.group(2));
        }
        return new RuleProblem(file, Math.max(line, 0), Math.max(column, 0), severity, message);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity + ": " + message;
    }
}
