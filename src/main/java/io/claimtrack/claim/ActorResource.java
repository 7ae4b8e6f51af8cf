package io.claimtrack.claim;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.claimtrack.idempotency.IdempotentRequests;
import io.claimtrack.user.Roles;
import io.claimtrack.refusal.NotFound;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/actors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Actors", description = "Who makes statements")
public class ActorResource {

    private final ActorService actors;
    private final SecurityIdentity identity;
    private final IdempotentRequests idempotent;

    public ActorResource(ActorService actors, SecurityIdentity identity, IdempotentRequests idempotent) {
        this.actors = actors;
        this.identity = identity;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed(Roles.SUBMITTER)
    @Operation(summary = "Register an actor", description = "409 when an actor of that name (any case) exists.")
    public Response register(@Valid @NotNull(message = "a JSON body is required") NewActor request, UriInfo uri,
                             @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String user = identity.getPrincipal().getName();
        return idempotent.execute(user, idempotencyKey, "POST /api/actors", request, () -> {
            ActorView actor = actors.register(request, user);
            return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(actor.id())).build())
                    .entity(actor).build();
        });
    }

    @GET
    @Operation(summary = "All actors, by name")
    public List<ActorView> list() {
        return actors.all();
    }

    @GET
    @Path("/{id}")
    public ActorView get(@PathParam("id") long id) {
        return actors.get(id);
    }
}
