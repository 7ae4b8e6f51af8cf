package io.claimtrack.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * System time comes from one injectable clock, so tests can move time without sleeping. It reads in
 * microseconds, the precision the database keeps, so an instant read back equals the one written.
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return new MicrosecondClock();
    }

    /**
     * Not {@code Clock.tick(systemUTC(), 1 µs)}: on Java 17 its millis() divides by the tick in whole
     * milliseconds, which is zero for a microsecond tick.
     */
    static final class MicrosecondClock extends Clock {

        @Override
        public Instant instant() {
            return Instant.now().truncatedTo(ChronoUnit.MICROS);
        }

        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("claimtrack works in UTC");
        }
    }
}
