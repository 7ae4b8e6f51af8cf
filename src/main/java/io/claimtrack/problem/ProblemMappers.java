package io.claimtrack.problem;

import java.util.List;
import java.util.Optional;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.claimtrack.refusal.Conflict;
import io.claimtrack.refusal.FieldError;
import io.claimtrack.refusal.FieldErrors;
import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.refusal.NotFound;
import io.claimtrack.refusal.Refusal;
import io.claimtrack.refusal.TooLarge;
import io.claimtrack.rules.ActivePolicyException;
import io.claimtrack.rules.RuleEvaluationException;
import io.claimtrack.rules.RulesBusyException;
import io.claimtrack.store.StoreHealth;
import io.claimtrack.user.SignInThrottle;

/**
 * Maps every failure to one problem-details body. No stack trace or class name reaches a client:
 * anything unexpected is logged here and answered with a plain 500.
 */
public class ProblemMappers {

    private static final int UNPROCESSABLE = 422;

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final StoreHealth store;

    public ProblemMappers(StoreHealth store) {
        this.store = store;
    }

    /** The domain's refusals, each kind to its status: the one place that knows them as HTTP. */
    @ServerExceptionMapper
    public Response refused(Refusal e, UriInfo uri) {
        return problem(statusOf(e), e.getMessage(), uri, e.errors());
    }

    /** The status a refusal is answered with, for the pages that render their own answer. */
    public static int statusOf(Refusal refusal) {
        if (refusal instanceof InvalidInput) {
            return 400;
        }
        if (refusal instanceof NotFound) {
            return 404;
        }
        if (refusal instanceof Conflict) {
            return 409;
        }
        if (refusal instanceof TooLarge) {
            return 413;
        }
        return UNPROCESSABLE; // a Contradiction: the sealed hierarchy has no other kind
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        return refused(FieldErrors.invalid(FieldErrors.of(e.getConstraintViolations())), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return badJson(e, uri);
    }

    /** Named apart: Quarkus maps this subtype itself (with an empty body) unless an application mapper does. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        String detail = switch (status) {
            case 404 -> "Nothing at " + uri.getPath();
            case 405 -> "Method not allowed on " + uri.getPath();
            case 406 -> "This resource answers " + answers(uri.getPath());
            case 415 -> "Send the body as " + takes(uri.getPath());
            default -> Response.Status.fromStatusCode(status) == null ? "Request failed"
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
        return problem(status, detail, uri, List.of());
    }

    // The media types of the few resources that are not JSON; a 406 or 415 is raised before a resource is
    // matched, so the problem names them by path.
    private static String answers(String path) {
        if (path.startsWith("/api/export")) {
            return "application/x-ndjson";
        }
        if (path.startsWith("/events")) {
            return "text/event-stream";
        }
        return path.startsWith("/api/") ? "application/json" : "text/html";
    }

    private static String takes(String path) {
        if (path.startsWith("/api/imports")) {
            return "application/x-ndjson (claimtrack's lines), or ClaimReview as application/ld+json, application/json"
                    + " or text/html";
        }
        return path.startsWith("/api/") ? "application/json" : "application/x-www-form-urlencoded";
    }

    /** Rules that loop, leave a claim without a status, or run past their bounds: the ruleset is at fault. */
    @ServerExceptionMapper
    public Response rulesFailed(RuleEvaluationException e, UriInfo uri) {
        return problem(UNPROCESSABLE, e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response activePolicyFailed(ActivePolicyException e, UriInfo uri) {
        LOG.errorf("The active policy could not evaluate on %s: %s", uri.getPath(), e.getMessage());
        return Response.fromResponse(problem(503, "The active policy could not evaluate this: " + e.getMessage()
                + ". Nothing of this request was kept; an analyst has to look at the active ruleset", uri, List.of()))
                .header("Retry-After", "60").build();
    }

    @ServerExceptionMapper
    public Response rulesBusy(RulesBusyException e, UriInfo uri) {
        return Response.fromResponse(problem(503, e.getMessage(), uri, List.of())).header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return challenge(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        Object retryAfter = e.getAttribute(SignInThrottle.RETRY_AFTER_ATTRIBUTE);
        if (retryAfter != null) {
            return Response.fromResponse(problem(429, "Too many failed sign-ins for this user or from this address; "
                    + "try again in " + retryAfter + " s", uri, List.of())).header("Retry-After", retryAfter).build();
        }
        return challenge(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "Your roles do not allow this", uri, List.of());
    }

    private static Response challenge(UriInfo uri) {
        return Response.fromResponse(problem(401, "Sign in (HTTP Basic) with a user allowed to do this", uri, List.of()))
                .header("WWW-Authenticate", "Basic realm=\"claimtrack\"").build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        Optional<String> cannotWrite = store.cannotWrite(e);
        if (cannotWrite.isPresent()) {
            LOG.errorf("The store is unavailable (%s) on %s: %s", cannotWrite.get(), uri.getPath(), e.getMessage());
            String detail = cannotWrite.get().equals(StoreHealth.UNREACHABLE)
                    ? "The store is unavailable: " + cannotWrite.get() + ". Nothing of this request was kept; try again shortly"
                    : "The store cannot write: " + cannotWrite.get()
                            + ". Nothing of this request was kept; try again once the operator has made room";
            return Response.fromResponse(problem(503, detail, uri, List.of())).header("Retry-After", "60").build();
        }
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return problem(500, "claimtrack could not complete the request; the error has been logged", uri, List.of());
    }

    private static Response badJson(JsonProcessingException e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                var location = parse.getLocation();
                String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
                return problem(400, "Malformed JSON" + where, uri, List.of());
            }
        }
        FieldError error = FieldErrors.of(e);
        if (error != null) {
            return problem(400, error.field() + ": " + error.message(), uri, List.of(error));
        }
        return problem(400, "The body must be a JSON object with the documented fields", uri, List.of());
    }

    private static Response problem(int status, String detail, UriInfo uri, List<FieldError> errors) {
        return Problem.of(status, detail, uri == null ? null : uri.getPath(), errors).response().build();
    }
}
