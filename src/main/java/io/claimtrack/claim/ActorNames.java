package io.claimtrack.claim;

import java.util.Locale;
import java.util.function.Supplier;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Races on an actor's unique name (uk_actor_name_key): told from any other failure, and answered. */
final class ActorNames {

    private static final String UNIQUE_NAME = "uk_actor_name_key";

    private ActorNames() {
    }

    /**
     * Runs {@code work} in the caller's transaction, or in one of its own; when that transaction lost a race
     * on a new actor's name (and so was rolled back whole), answers with {@code whenTakenMeanwhile} instead.
     */
    static <T> T inTransaction(Supplier<T> work, Supplier<T> whenTakenMeanwhile) {
        if (QuarkusTransaction.isActive()) {
            return work.get();
        }
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (RuntimeException e) {
            if (!takenMeanwhile(e)) {
                throw e;
            }
            return whenTakenMeanwhile.get();
        }
    }

    /** Whether {@code failure} is another transaction having registered the same name first. */
    static boolean takenMeanwhile(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                String constraint = violation.getConstraintName();
                String message = violation.getMessage();
                return (constraint != null && constraint.toLowerCase(Locale.ROOT).contains(UNIQUE_NAME))
                        || (message != null && message.toLowerCase(Locale.ROOT).contains(UNIQUE_NAME));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
