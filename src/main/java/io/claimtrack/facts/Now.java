package io.claimtrack.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import org.kie.api.definition.type.ClassReactive;

/**
 * The instant an evaluation is made as of. Time enters the rules as this fact, so the same rules
 * answer "now" and "as of 2 October 2015", and tests move time without a clock. Class reactive: a Now is
 * never modified, only replaced, so the rules asking it about other facts' instants ({@code isInLastDays}) have
 * no property of it to listen to, and Drools need not warn that they listen to the whole class.
 */
@ClassReactive
public final class Now {

    private final Instant at;
    /** Where a timeline learns which horizons the rules compare instants with; null when nobody asks. */
    private final Set<Integer> horizons;

    public Now(Instant at) {
        this(at, null);
    }

    public Now(Instant at, Set<Integer> horizons) {
        this.at = Objects.requireNonNull(at, "at");
        this.horizons = horizons;
    }

    public Instant getAt() {
        return at;
    }

    /** Whether {@code instant} lies within the {@code days} days up to now. */
    public boolean isInLastDays(Instant instant, int days) {
        if (horizons != null) {
            horizons.add(days);
        }
        return instant.isAfter(at.minus(Duration.ofDays(days))) && !instant.isAfter(at);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Now other && at.equals(other.at);
    }

    @Override
    public int hashCode() {
        return at.hashCode();
    }

    @Override
    public String toString() {
        return "now " + at;
    }
}
