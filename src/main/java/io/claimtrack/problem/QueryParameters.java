package io.claimtrack.problem;

import io.claimtrack.refusal.InvalidInput;

/** Reads query parameters the resources and pages take as text, naming the one at fault when it is not usable. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** A whole number in {@code [min, max]}; {@code defaultValue} when absent or blank. */
    public static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw new InvalidInput(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, "must be a whole number");
        }
    }

    /** A whole number in {@code [min, max]} that must be given. */
    public static int requiredInteger(String name, String value, int min, int max, String meaning) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(name, "is required: " + meaning);
        }
        return integer(name, value, 0, min, max);
    }
}
