package io.claimtrack.claim;

import java.time.Clock;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.claimtrack.problem.QueryParameters;
import io.claimtrack.rating.RatingScale;
import io.claimtrack.idempotency.IdempotentRequests;
import io.claimtrack.status.HistoryEntry;
import io.claimtrack.time.Instants;
import io.claimtrack.user.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/claims")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Claims", description = "Claims and counterclaims, with their statuses")
public class ClaimResource {

    private static final String AS_OF = "event time: ISO instant or date (end of that day, UTC); statuses evaluated as of then";

    private final ClaimService claims;
    private final ClaimQueries queries;
    private final Clock clock;
    private final SecurityIdentity identity;
    private final IdempotentRequests idempotent;
    private final RatingScale scale;

    public ClaimResource(ClaimService claims, ClaimQueries queries, Clock clock,
                         SecurityIdentity identity, IdempotentRequests idempotent, RatingScale scale) {
        this.scale = scale;
        this.idempotent = idempotent;
        this.claims = claims;
        this.queries = queries;
        this.clock = clock;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.SUBMITTER)
    @Operation(summary = "Submit a claim or a counterclaim",
            description = "Re-evaluates the dispute thread it joins before answering, so every claim of the thread"
                    + " shows its new status. 400 for invalid input, 422 when it contradicts stored claims.")
    public Response submit(@NotNull(message = "a JSON body is required") NewClaim request, UriInfo uri,
                           @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String user = identity.getPrincipal().getName();
        return idempotent.execute(user, idempotencyKey, "POST /api/claims", request, () -> {
            ClaimView claim = claims.submit(request, user);
            return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(claim.id())).build())
                    .entity(claim).build();
        });
    }

    @GET
    @Operation(summary = "Claims, newest first (event time)")
    public Page<ClaimView> list(
            @Parameter(description = "one of RETRACTED, REFUTED, CONTESTED, CONFIRMED, CORROBORATED, UNVERIFIED")
            @QueryParam("status") String status,
            @Parameter(description = "one of WIDELY_CONTESTED, SELF_DISPUTED, STALE, RATING_AT_ODDS") @QueryParam("flag") String flag,
            @Parameter(description = "actor name, any case") @QueryParam("claimant") String claimant,
            @Parameter(description = "topic, any case") @QueryParam("topic") String topic,
            @Parameter(description = "text contains, any case") @QueryParam("q") String q,
            @Parameter(description = "the desk's review: one of UNASSIGNED (never touched), ASSIGNED, IN_REVIEW, READY,"
                    + " PUBLISHED, CORRECTED, UNPUBLISHED") @QueryParam("review") String review,
            @Parameter(description = "the review's rating, a name on the desk's scale") @QueryParam("rating") String rating,
            @Parameter(description = "the editor the review is assigned to, any case") @QueryParam("assignee") String assignee,
            @Parameter(description = "true: claims with evidence in force; false: claims without") @QueryParam("hasEvidence")
            String hasEvidence,
            @Parameter(description = "from 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100, default 20") @QueryParam("size") String size,
            @Parameter(description = AS_OF) @QueryParam("asOf") String asOf) {
        ClaimFilter filter = ClaimFilter.parse(status, flag, claimant, topic, q, Instants.parsePast("asOf", asOf, clock))
                .withDesk(review, rating == null || rating.isBlank() ? null : scale.rating("rating", rating).name(), assignee,
                        hasEvidence);
        return queries.list(filter, QueryParameters.integer("page", page, 0, 0, Page.MAX_PAGE),
                QueryParameters.integer("size", size, 20, 1, Page.MAX_SIZE));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A claim with its status: now, as of an event-time instant, or as shown at a system-time instant",
            description = "asOf re-evaluates the claim's thread under the active ruleset over the facts asserted by"
                    + " then (404 if the claim itself was not asserted yet). knownAt answers from the recorded history"
                    + " what claimtrack showed at that instant. Instants in the future are refused (400).")
    public ClaimView get(@PathParam("id") long id,
                         @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
                         @Parameter(description = "system time: ISO instant or date (end of that day, UTC)")
                         @QueryParam("knownAt") String knownAt) {
        return queries.get(id, Instants.parsePast("asOf", asOf, clock), Instants.parsePast("knownAt", knownAt, clock));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.SUBMITTER, Roles.EDITOR})
    @Operation(summary = "Correct a claim: any of text, topic, assertedAt, claimant, with a reason",
            description = "The version it replaces is kept: ?knownAt= before the correction shows it, the history"
                    + " records the correction, and the thread is re-evaluated. The one who recorded the claim or an"
                    + " editor may. The relation (disputes, supports, retracts) is not corrected this way.")
    public ClaimView correct(@PathParam("id") long id, ClaimCorrection request) {
        return claims.correct(id, request, identity.getPrincipal().getName(), identity.hasRole(Roles.EDITOR));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "System time: every recorded change of the claim's status or flags, oldest first",
            description = "Includes changes caused by new claims, analysts' verdicts, ruleset activations and time passing.")
    public List<HistoryEntry> history(@PathParam("id") long id) {
        return queries.history(id);
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(summary = "Event time: how the claim's status moved as the thread's claims were asserted and days passed",
            description = "Re-derived under the active ruleset, so it also tells the past of late-recorded claims."
                    + " Verdicts are decisions in system time and appear in the history, not here.")
    public List<TimelineEntry> timeline(@PathParam("id") long id) {
        return queries.timeline(id);
    }
}
