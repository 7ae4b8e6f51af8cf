package io.claimtrack.verdict;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.claimtrack.claim.ClaimEntity;
import io.claimtrack.user.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/claims/{claimId}/verdicts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Verdicts", description = "Analysts' verdicts on claims, weighed by the policy")
public class VerdictResource {

    private final VerdictService verdicts;
    private final SecurityIdentity identity;

    public VerdictResource(VerdictService verdicts, SecurityIdentity identity) {
        this.verdicts = verdicts;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "Give a verdict on a claim",
            description = "Recorded as a fact; the default policy ranks the latest verdict just below the claimant's own"
                    + " retraction. The claim's thread is re-evaluated and the change recorded in its history.")
    public Response give(@PathParam("claimId") long claimId,
                         @Valid @NotNull(message = "a JSON body is required") NewVerdict request, UriInfo uri) {
        VerdictView verdict = verdicts.give(claimId, request, identity.getPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(verdict.id())).build())
                .entity(verdict).build();
    }

    @GET
    @Operation(summary = "Every verdict on the claim, withdrawn ones included, oldest first")
    public List<VerdictView> list(@PathParam("claimId") long claimId) {
        return verdicts.onClaim(claimId);
    }

    @DELETE
    @Path("/{verdictId}")
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "Withdraw a verdict (recorded, not erased)")
    public VerdictView withdraw(@PathParam("claimId") long claimId, @PathParam("verdictId") long verdictId) {
        return verdicts.withdraw(claimId, verdictId, identity.getPrincipal().getName());
    }
}
