package io.claimtrack.user;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Users", description = "Accounts and roles (ADMIN only)")
public class UserResource {

    private final UserService users;
    private final SecurityIdentity identity;

    public UserResource(UserService users, SecurityIdentity identity) {
        this.users = users;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Create a user with roles; the password is stored as a bcrypt hash")
    public Response create(@Valid @NotNull(message = "a JSON body is required") NewUser request, UriInfo uri) {
        UserView user = users.create(request, identity.getPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(user.username()).build()).entity(user).build();
    }

    @GET
    public List<UserView> list() {
        return users.list();
    }

    @PUT
    @Path("/{username}/roles")
    public UserView setRoles(@PathParam("username") String username,
                             @Valid @NotNull(message = "a JSON body is required") RoleChange request) {
        return users.setRoles(username, request, identity.getPrincipal().getName());
    }

    @POST
    @Path("/{username}/disable")
    @Consumes(MediaType.WILDCARD)
    public UserView disable(@PathParam("username") String username) {
        return users.setDisabled(username, true, identity.getPrincipal().getName());
    }

    @POST
    @Path("/{username}/enable")
    @Consumes(MediaType.WILDCARD)
    public UserView enable(@PathParam("username") String username) {
        return users.setDisabled(username, false, identity.getPrincipal().getName());
    }
}
