package io.claimtrack.dashboard;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.claimtrack.facts.ReviewState;
import io.claimtrack.problem.ProblemMappers;
import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.refusal.NotFound;
import io.claimtrack.refusal.Refusal;
import io.claimtrack.review.ReviewAction;
import io.claimtrack.review.ReviewQueue;
import io.claimtrack.review.ReviewService;
import io.claimtrack.review.ReviewStepRequest;
import io.claimtrack.user.Roles;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/** The desk's review queue, and the review panel's forms: the same service and checks as the API. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ReviewPages {

    private static final int QUEUE_SIZE = 50;

    private final ReviewService reviews;
    private final ReviewQueue queue;
    private final SecurityIdentity identity;
    private final CsrfToken csrf;
    private final ClaimPage claimPage;

    public ReviewPages(ReviewService reviews, ReviewQueue queue, SecurityIdentity identity, CsrfToken csrf,
                       ClaimPage claimPage) {
        this.reviews = reviews;
        this.queue = queue;
        this.identity = identity;
        this.csrf = csrf;
        this.claimPage = claimPage;
    }

    /** The queue: work in a state (or every state), mine or everyone's; or the claims nobody has picked up. */
    @GET
    @Path("reviews")
    public TemplateInstance queue(@QueryParam("state") String stateParam, @QueryParam("mine") String mine) {
        String user = identity.isAnonymous() ? null : identity.getPrincipal().getName();
        ReviewState state = state(stateParam);
        boolean onlyMine = "true".equals(mine) && user != null;
        List<ReviewQueue.Item> items = state == ReviewState.UNASSIGNED && !onlyMine ? queue.unreviewed(QUEUE_SIZE)
                : queue.reviews(state, onlyMine ? user : null, QUEUE_SIZE);
        Map<ReviewState, Long> counts = queue.counts();
        return Templates.reviews(user, items, counts, ReviewState.values(), state == null ? null : state.name(), onlyMine,
                queue.publishedRatings());
    }

    /** One step of a claim's review from its page; a refusal re-renders the page with the reason. */
    @POST
    @Path("claims/{id}/review/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object step(@PathParam("id") long claimId, @PathParam("action") String actionParam,
                       MultivaluedMap<String, String> form) {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        csrf.verify(form.getFirst(CsrfToken.NAME));
        ReviewAction action = action(actionParam);
        try {
            if (!identity.hasRole(Roles.EDITOR)) {
                throw new InvalidInput("Your roles do not allow taking a review's steps (EDITOR needed)");
            }
            reviews.step(claimId, action, new ReviewStepRequest(value(form, "assignee"), value(form, "rating"),
                    value(form, "summary"), value(form, "url"), value(form, "reason")), identity.getPrincipal().getName());
            return Response.seeOther(URI.create("/claims/" + claimId + "#review")).build();
        } catch (Refusal e) {
            String reason = Refused.said(e);
            int status = identity.hasRole(Roles.EDITOR) ? ProblemMappers.statusOf(e) : 403;
            return Response.status(status).entity(claimPage.render(claimId, null, "Not done: " + reason)).build();
        }
    }

    /** A form's field as the request takes it: an empty input is no value. */
    private static String value(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static ReviewAction action(String path) {
        for (ReviewAction action : ReviewAction.values()) {
            if (action.path().equals(path)) {
                return action;
            }
        }
        throw new NotFound("no review step is called \"" + path + "\"");
    }

    private static ReviewState state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ReviewState.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("state", "must be one of " + List.of(ReviewState.values()));
        }
    }
}
