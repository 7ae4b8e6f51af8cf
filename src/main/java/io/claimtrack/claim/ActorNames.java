package io.claimtrack.claim;

import java.util.Locale;

/** Tells a race on an actor's unique name (uk_actor_name_key) from any other failure. */
final class ActorNames {

    private static final String UNIQUE_NAME = "uk_actor_name_key";

    private ActorNames() {
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
