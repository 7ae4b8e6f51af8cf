package io.claimtrack.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.claimtrack.refusal.FieldError;

/**
 * The one error shape of the API: RFC 9457 problem details, plus {@code errors} naming each field
 * (or query parameter, or JSON property) at fault. Built only through {@link #of}, which holds the one
 * table of titles, by the exception mappers and the filters that answer before a resource is reached.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
            Map.entry(409, "Conflict"), Map.entry(411, "Length Required"), Map.entry(413, "Content Too Large"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(422, "Unprocessable Content"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
            Map.entry(503, "Service Unavailable"));

    public static Problem of(int status, String detail, String instance, List<FieldError> errors) {
        String title = TITLES.get(status);
        if (title == null) {
            var reason = Response.Status.fromStatusCode(status);
            title = reason == null ? "Error" : reason.getReasonPhrase();
        }
        return new Problem("about:blank", title, status, detail, instance, errors == null ? List.of() : List.copyOf(errors));
    }

    public static Problem of(int status, String detail, String instance) {
        return of(status, detail, instance, List.of());
    }

    /** The response carrying this problem, for a caller to add headers to. */
    public Response.ResponseBuilder response() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }
}
