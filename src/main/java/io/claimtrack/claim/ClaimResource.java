package io.claimtrack.claim;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import io.claimtrack.problem.ApiException;
import io.claimtrack.status.HistoryEntry;

@Path("/api/claims")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Claims", description = "Claims and counterclaims, with their statuses")
public class ClaimResource {

    private final ClaimService claims;
    private final ClaimViews views;

    public ClaimResource(ClaimService claims, ClaimViews views) {
        this.claims = claims;
        this.views = views;
    }

    @POST
    @Operation(summary = "Submit a claim or a counterclaim",
            description = "Re-evaluates the dispute thread it joins before answering, so every claim of the thread"
                    + " shows its new status. 400 for invalid input, 422 when it contradicts stored claims.")
    public Response submit(@Valid @NotNull(message = "a JSON body is required") NewClaim request, UriInfo uri) {
        ClaimEntity claim = claims.submit(request);
        return Response.created(uri.getAbsolutePathBuilder().path(claim.id.toString()).build())
                .entity(views.of(claim)).build();
    }

    @GET
    @Operation(summary = "Claims, newest first (event time)")
    public Page<ClaimView> list(
            @Parameter(description = "one of RETRACTED, REFUTED, CONTESTED, CONFIRMED, CORROBORATED, UNVERIFIED")
            @QueryParam("status") String status,
            @Parameter(description = "one of WIDELY_CONTESTED, SELF_DISPUTED, STALE") @QueryParam("flag") String flag,
            @Parameter(description = "actor name, any case") @QueryParam("claimant") String claimant,
            @Parameter(description = "topic, any case") @QueryParam("topic") String topic,
            @Parameter(description = "text contains, any case") @QueryParam("q") String q,
            @Parameter(description = "from 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100, default 20") @QueryParam("size") String size) {
        ClaimFilter filter = ClaimFilter.parse(status, flag, claimant, topic, q);
        int pageIndex = Page.parameter("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = Page.parameter("size", size, 20, 1, Page.MAX_SIZE);
        var query = filter.query().page(pageIndex, pageSize);
        return new Page<>(views.of(query.list()), query.count(), pageIndex, pageSize);
    }

    @GET
    @Path("/{id}")
    public ClaimView get(@PathParam("id") long id) {
        return views.of(existing(id));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every change of the claim's status or flags, oldest first (system time)")
    public List<HistoryEntry> history(@PathParam("id") long id) {
        return HistoryEntry.forClaim(existing(id).id);
    }

    private static ClaimEntity existing(long id) {
        ClaimEntity claim = ClaimEntity.findById(id);
        if (claim == null) {
            throw ApiException.notFound("claim", id);
        }
        return claim;
    }
}
