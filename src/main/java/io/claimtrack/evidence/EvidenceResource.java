package io.claimtrack.evidence;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.claimtrack.claim.EvidenceItem;
import io.claimtrack.user.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/claims/{claimId}/evidence")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence", description = "The sources behind a claim and behind the desk's review of it")
public class EvidenceResource {

    private final EvidenceService evidence;
    private final SecurityIdentity identity;

    public EvidenceResource(EvidenceService evidence, SecurityIdentity identity) {
        this.evidence = evidence;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Every piece of evidence on the claim, removed ones included, oldest first",
            description = "The claim's own source, as submitted, is the first. The claim's view lists the evidence in force.")
    public List<EvidenceItem> list(@PathParam("claimId") long claimId) {
        return evidence.onClaim(claimId);
    }

    @POST
    @RolesAllowed({Roles.SUBMITTER, Roles.EDITOR})
    @Operation(summary = "Add evidence {url or title, archivedUrl, publisher, kind, accessedAt, note, forReview}",
            description = "forReview (the desk's review's evidence) needs the EDITOR role. The claim's thread is"
                    + " re-evaluated: rules may count independent sources.")
    public Response add(@PathParam("claimId") long claimId, NewEvidence request, UriInfo uri) {
        EvidenceItem added = evidence.add(claimId, request, user(), identity.hasRole(Roles.EDITOR));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(added.id())).build()).entity(added).build();
    }

    @DELETE
    @Path("/{evidenceId}")
    @RolesAllowed({Roles.SUBMITTER, Roles.EDITOR})
    @Operation(summary = "Remove evidence ?reason= (recorded, not erased; by the one who added it or an editor)")
    public EvidenceItem remove(@PathParam("claimId") long claimId, @PathParam("evidenceId") long evidenceId,
                               @QueryParam("reason") String reason) {
        return evidence.remove(claimId, evidenceId, reason, user(), identity.hasRole(Roles.EDITOR));
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
