package io.claimtrack.dashboard;

import static io.claimtrack.dashboard.ClaimPageForms.value;

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

import io.claimtrack.facts.ReviewState;
import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.refusal.NotFound;
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
    private final ClaimPageForms forms;

    public ReviewPages(ReviewService reviews, ReviewQueue queue, SecurityIdentity identity, ClaimPageForms forms) {
        this.reviews = reviews;
        this.queue = queue;
        this.identity = identity;
        this.forms = forms;
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

    /** One step of a claim's review from its page (see {@link ClaimPageForms}). */
    @POST
    @Path("claims/{id}/review/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object step(@PathParam("id") long claimId, @PathParam("action") String actionParam,
                       MultivaluedMap<String, String> form) {
        ReviewAction action = action(actionParam);
        return forms.submit(claimId, ClaimPage.Panel.REVIEW, form, List.of(Roles.EDITOR), user ->
                reviews.step(claimId, action, new ReviewStepRequest(value(form, "assignee"), value(form, "rating"),
                        value(form, "summary"), value(form, "url"), value(form, "reason")), user));
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
