package io.claimtrack.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/**
 * Instants as people read them on the pages: "30 Sep 2015, 09:00 UTC" in the text (app.js rewrites it in the
 * reader's own time zone and format), the full ISO-8601 instant in the element's datetime and title.
 */
@TemplateExtension
public final class Dates {

    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Dates() {
    }

    static String readable(Instant at) {
        return READABLE.format(at);
    }
}
