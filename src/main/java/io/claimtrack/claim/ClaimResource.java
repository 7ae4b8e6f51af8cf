package io.claimtrack.claim;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
    private final ClaimCorrections corrections;
    private final ClaimMerges merges;
    private final ClaimQueries queries;
    private final Clock clock;
    private final SecurityIdentity identity;
    private final IdempotentRequests idempotent;
    private final RatingScale scale;

    public ClaimResource(ClaimService claims, ClaimCorrections corrections, ClaimMerges merges, ClaimQueries queries,
                         Clock clock, SecurityIdentity identity, IdempotentRequests idempotent, RatingScale scale) {
        this.corrections = corrections;
        this.merges = merges;
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
            @BeanParam ClaimListParams params,
            @Parameter(description = "from 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100, default 20") @QueryParam("size") String size,
            @Parameter(description = AS_OF) @QueryParam("asOf") String asOf) {
        ClaimFilter filter = params.filter(scale, Instants.parsePast("asOf", asOf, clock));
        return queries.list(filter, QueryParameters.integer("page", page, 0, 0, Page.MAX_PAGE),
                QueryParameters.integer("size", size, 20, 1, Page.MAX_SIZE));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A claim with its status: now, as of an event-time instant, or as shown at a system-time instant",
            description = "asOf re-evaluates the claim's thread under the active ruleset over the facts asserted by"
                    + " then (404 if the claim itself was not asserted yet). knownAt answers from the recorded history"
                    + " what claimtrack showed at that instant. Instants in the future are refused (400).")
    public Response get(@PathParam("id") long id,
                        @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
                        @Parameter(description = "system time: ISO instant or date (end of that day, UTC)")
                        @QueryParam("knownAt") String knownAt, UriInfo uri) {
        Instant eventTime = Instants.parsePast("asOf", asOf, clock);
        Instant systemTime = Instants.parsePast("knownAt", knownAt, clock);
        Optional<Long> kept = queries.readAs(id, systemTime);
        if (kept.isPresent()) {
            // A merged duplicate is read as the claim it was merged into, with the same query.
            return Response.status(Response.Status.PERMANENT_REDIRECT)
                    .location(uri.getRequestUriBuilder().replacePath("/api/claims/" + kept.get()).build())
                    .entity(new MergedClaim("claim #" + id + " was merged into claim #" + kept.get()
                            + " (its history: /api/claims/" + id + "/history)", id, kept.get())).build();
        }
        return Response.ok(queries.get(id, eventTime, systemTime)).build();
    }

    /** What a read of a merged duplicate answers, with the redirect. */
    public record MergedClaim(String detail, long claim, long mergedInto) {
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.SUBMITTER, Roles.EDITOR})
    @Operation(summary = "Correct a claim: any of text, topic, assertedAt, claimant, with a reason",
            description = "The version it replaces is kept: ?knownAt= before the correction shows it, the history"
                    + " records the correction, and the thread is re-evaluated. The one who recorded the claim or an"
                    + " editor may. The relation is corrected with one of disputes, supports, retracts (a claim id), or"
                    + " standsAlone: true; the claim moves with every claim answering it, and both threads are"
                    + " re-evaluated. 422 when the result would contradict stored claims (a circle, an answer asserted"
                    + " before what it answers, a retraction by another claimant).")
    public ClaimView correct(@PathParam("id") long id, ClaimCorrection request) {
        return corrections.correct(id, request, identity.getPrincipal().getName(), identity.hasRole(Roles.EDITOR));
    }

    @POST
    @Path("/{id}/merge")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Merge a duplicate into the claim kept: {into, reason}",
            description = "Claims answering the duplicate answer the kept claim instead, its evidence is carried over,"
                    + " both threads are re-evaluated, and both histories record the merge. The duplicate is then read"
                    + " as a redirect (308) to the kept claim, and as it was before with ?knownAt=. 422 when the two"
                    + " are not duplicates (other claimants, one answering the other); 409 when the duplicate has a"
                    + " review or verdicts in force.")
    public ClaimView merge(@PathParam("id") long id, ClaimMerge request) {
        return merges.merge(id, request, identity.getPrincipal().getName());
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
