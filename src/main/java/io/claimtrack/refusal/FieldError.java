package io.claimtrack.refusal;

/** One field (or query parameter, JSON property, form input) at fault, and what is wrong with it; field may be null for a whole line. */
public record FieldError(String field, String message) {
}
