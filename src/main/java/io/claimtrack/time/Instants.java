package io.claimtrack.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.claimtrack.problem.ApiException;

/** Reads the instants of as-of and known-at queries. */
public final class Instants {

    private Instants() {
    }

    /**
     * An ISO-8601 instant ({@code 2015-10-02T12:00:00Z}) or a date ({@code 2015-10-02}, meaning the end
     * of that day in UTC, or now if that day is today). The future is refused: nothing is known of it.
     *
     * @return null when no value is given
     */
    public static Instant parsePast(String parameter, String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant now = clock.instant();
        Instant instant;
        try {
            instant = value.length() == 10
                    ? LocalDate.parse(value).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1)
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(parameter, "must be an ISO-8601 instant such as 2015-10-02T12:00:00Z"
                    + " or a date such as 2015-10-02, not \"" + value + "\"");
        }
        if (value.length() == 10 && instant.isAfter(now) && LocalDate.parse(value).equals(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            return now;
        }
        if (instant.isAfter(now)) {
            throw ApiException.badRequest(parameter, "is in the future (" + value + "); leave it out for the current standing");
        }
        return instant;
    }
}
