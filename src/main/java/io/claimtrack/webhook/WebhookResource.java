package io.claimtrack.webhook;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.claimtrack.problem.QueryParameters;
import io.claimtrack.user.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** Webhook subscriptions and their delivery logs (admins). */
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Publishing")
public class WebhookResource {

    private final Webhooks webhooks;
    private final SecurityIdentity identity;

    public WebhookResource(Webhooks webhooks, SecurityIdentity identity) {
        this.webhooks = webhooks;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Subscribe a URL to events: {url, secret, events}",
            description = "Each event is POSTed as JSON, signed X-Claimtrack-Signature: sha256=HMAC-SHA256(secret, body)"
                    + " in hex, with X-Claimtrack-Delivery (an id to drop repeats by) and X-Claimtrack-Event; retried with"
                    + " growing waits for a day until a 2xx answers, in order per claim. Only http or https; a host on"
                    + " this machine or a private network only if claimtrack.webhooks.allowed-hosts names it.")
    public Response register(NewWebhook request) {
        return Response.status(Response.Status.CREATED).entity(webhooks.register(request, user())).build();
    }

    @GET
    @Operation(summary = "Every subscription (secrets are never shown)")
    public List<Webhooks.Subscription> list() {
        return webhooks.all();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Disable a subscription: pending deliveries are dropped, its log stays")
    public Webhooks.Subscription disable(@PathParam("id") long id) {
        return webhooks.disable(id, user());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The subscription's latest deliveries, newest first: status, attempts, last error")
    public List<Webhooks.Delivery> deliveries(@PathParam("id") long id, @QueryParam("limit") String limit) {
        return webhooks.deliveries(id, QueryParameters.integer("limit", limit, 50, 1, 1000));
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
