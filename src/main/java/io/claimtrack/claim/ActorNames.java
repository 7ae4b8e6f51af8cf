package io.claimtrack.claim;

import java.util.Locale;

/** Tells a race on an actor's unique name (uk_actor_name_key) or alias (uk_actor_alias_key) from any other failure. */
final class ActorNames {

    private static final String UNIQUE_NAME = "uk_actor_name_key";

    private ActorNames() {
    }

    /** Whether {@code failure} is another transaction having registered the same name first. */
    static boolean takenMeanwhile(Throwable failure) {
        return takenMeanwhile(failure, UNIQUE_NAME);
    }

    /** Whether {@code failure} is another transaction having taken the same value of that unique key first. */
    static boolean takenMeanwhile(Throwable failure, String uniqueKey) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                String constraint = violation.getConstraintName();
                String message = violation.getMessage();
                return (constraint != null && constraint.toLowerCase(Locale.ROOT).contains(uniqueKey))
                        || (message != null && message.toLowerCase(Locale.ROOT).contains(uniqueKey));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
