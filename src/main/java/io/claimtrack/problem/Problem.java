package io.claimtrack.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one error shape of the API: RFC 9457 problem details, plus {@code errors} naming each field
 * (or query parameter, or JSON property) at fault.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /**
     * The attribute of a refused sign-in ({@code AuthenticationFailedException}) that says, in seconds, when
     * to try again: the answer is then 429 with Retry-After, not 401.
     */
    public static final String RETRY_AFTER_ATTRIBUTE = "claimtrack.retry-after-seconds";

    public record FieldError(String field, String message) {
    }
}
