package io.claimtrack.claim;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
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
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/actors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Actors", description = "Who makes statements")
public class ActorResource {

    private final ActorService actors;
    private final ActorChanges changes;
    private final SecurityIdentity identity;
    private final IdempotentRequests idempotent;

    public ActorResource(ActorService actors, ActorChanges changes, SecurityIdentity identity,
                         IdempotentRequests idempotent) {
        this.changes = changes;
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
    @Operation(summary = "An actor, with its aliases", description = "An actor merged into another says which (mergedInto).")
    public ActorView get(@PathParam("id") long id) {
        return actors.get(id);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Correct an actor: any of name, kind, blocs (the whole set), with a reason",
            description = "The version it replaces is kept (claims read with ?knownAt= before it show it), the history"
                    + " records the correction, and every thread with a claim of the actor's is re-evaluated before the"
                    + " answer. 409 when the name is another actor's name or alias.")
    public ActorView correct(@PathParam("id") long id, ActorCorrection request) {
        return changes.correct(id, request, user());
    }

    @POST
    @Path("/{id}/aliases")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Give an actor another name claims may name it by: {alias}",
            description = "A claim naming the alias is the actor's; duplicates are found across its names. 409 when"
                    + " the alias is another actor's name or alias.")
    public Response addAlias(@PathParam("id") long id, NewAlias request) {
        return Response.status(Response.Status.CREATED).entity(changes.addAlias(id, request, user())).build();
    }

    @DELETE
    @Path("/{id}/aliases/{alias}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Remove an alias", description = "Claims recorded under it stay the actor's.")
    public ActorView removeAlias(@PathParam("id") long id, @PathParam("alias") String alias) {
        return changes.removeAlias(id, alias);
    }

    @POST
    @Path("/{id}/merge")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Merge an actor registered twice into the one kept: {into, reason}",
            description = "Its claims become the kept actor's, its name and aliases the kept actor's aliases, and"
                    + " its threads are re-evaluated before the answer (the kept actor).")
    public ActorView merge(@PathParam("id") long id, ActorMerge request) {
        return changes.merge(id, request, user());
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "System time: the actor's corrections, aliases and merges, oldest first")
    public List<ActorHistoryEntry> history(@PathParam("id") long id) {
        return actors.history(id);
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
