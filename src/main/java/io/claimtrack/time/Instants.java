package io.claimtrack.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import io.claimtrack.refusal.InvalidInput;


/** Reads the instants of as-of and known-at queries. */
public final class Instants {

    private static final Pattern LOCAL_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?");

    private Instants() {
    }

    /**
     * An ISO-8601 instant ({@code 2015-10-02T12:00:00Z}), a date-time without zone ({@code 2015-10-02T12:00},
     * read as UTC), or a date ({@code 2015-10-02}, meaning the end of that day in UTC, or now if that day is today). The future is refused: nothing is known of it.
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
            if (value.length() == 10) {
                instant = LocalDate.parse(value).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
            } else if (LOCAL_DATE_TIME.matcher(value).matches()) {
                instant = LocalDateTime.parse(value).toInstant(ZoneOffset.UTC); // a date-time picker's value, read as UTC
            } else {
                instant = Instant.parse(value);
            }
        } catch (DateTimeParseException e) {
            throw new InvalidInput(parameter, "must be an ISO-8601 instant such as 2015-10-02T12:00:00Z"
                    + " or a date such as 2015-10-02, not \"" + value + "\"");
        }
        if (value.length() == 10 && instant.isAfter(now) && LocalDate.parse(value).equals(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            return now;
        }
        if (instant.isAfter(now)) {
            throw new InvalidInput(parameter, "is in the future (" + value + "); leave it out for the current standing");
        }
        return instant;
    }
}
