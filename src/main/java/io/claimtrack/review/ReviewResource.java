package io.claimtrack.review;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.claimtrack.time.Instants;
import io.claimtrack.user.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The desk's review of a claim, one path per step of its workflow. Every step answers the review as it
 * now stands (with the steps that may come next); a step that does not fit the review's state is a 409.
 * The service validates the body (the pages' forms take the same path).
 */
@Path("/api/claims/{claimId}/review")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews", description = "The desk's own reviews and ratings of claims, apart from the dispute standing")
public class ReviewResource {

    private final ReviewService reviews;
    private final SecurityIdentity identity;
    private final Clock clock;

    public ReviewResource(ReviewService reviews, SecurityIdentity identity, Clock clock) {
        this.reviews = reviews;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The claim's review: state, rating, who did what, the next steps, every step so far",
            description = "A claim the desk has not touched is UNASSIGNED with no steps. knownAt answers the review"
                    + " as it stood at a system-time instant.")
    public ReviewView get(@PathParam("claimId") long claimId,
                          @Parameter(description = "system time: ISO instant or date (end of that day, UTC)")
                          @QueryParam("knownAt") String knownAt) {
        return reviews.of(claimId, Instants.parsePast("knownAt", knownAt, clock));
    }

    @POST
    @Path("/assign")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Assign the review to an editor {assignee}",
            description = "From UNASSIGNED, or again from ASSIGNED, IN_REVIEW, READY (sent back) or UNPUBLISHED.")
    public ReviewView assign(@PathParam("claimId") long claimId, ReviewStepRequest request) {
        return step(claimId, ReviewAction.ASSIGN, request);
    }

    @POST
    @Path("/start")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Start the review (the assignee, from ASSIGNED); no body")
    public ReviewView start(@PathParam("claimId") long claimId, ReviewStepRequest request) {
        return step(claimId, ReviewAction.START, request);
    }

    @POST
    @Path("/rate")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Rate the claim on the desk's scale {rating, summary}: READY to publish (the assignee)")
    public ReviewView rate(@PathParam("claimId") long claimId, ReviewStepRequest request) {
        return step(claimId, ReviewAction.RATE, request);
    }

    @POST
    @Path("/publish")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Publish a READY review {url}",
            description = "With claimtrack.review.second-editor (on by default) the publisher is not the editor who rated.")
    public ReviewView publish(@PathParam("claimId") long claimId, ReviewStepRequest request) {
        return step(claimId, ReviewAction.PUBLISH, request);
    }

    @POST
    @Path("/correct")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Correct a published review {reason, and any of rating, summary, url}",
            description = "The earlier version stays in the steps and in the claim's history.")
    public ReviewView correct(@PathParam("claimId") long claimId, ReviewStepRequest request) {
        return step(claimId, ReviewAction.CORRECT, request);
    }

    @POST
    @Path("/unpublish")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Unpublish a published review {reason}")
    public ReviewView unpublish(@PathParam("claimId") long claimId, ReviewStepRequest request) {
        return step(claimId, ReviewAction.UNPUBLISH, request);
    }

    private ReviewView step(long claimId, ReviewAction action, ReviewStepRequest request) {
        return reviews.step(claimId, action, request, identity.getPrincipal().getName());
    }
}
