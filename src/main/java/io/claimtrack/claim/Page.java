package io.claimtrack.claim;

import java.util.List;

import io.claimtrack.problem.ApiException;

/** One page of a list: items, how many there are in all, which page and its size (pages count from 0). */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int MAX_SIZE = 100;
    /** The last page anyone may ask for: page times size stays a valid row offset (far below 2^31). */
    public static final int MAX_PAGE = 1_000_000;

    /** Reads page and size query parameters, naming the one at fault when it is not usable. */
    public static int parameter(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw ApiException.badRequest(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, "must be a whole number");
        }
    }
}
