package io.claimtrack.dashboard;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.claimtrack.problem.ProblemMappers;
import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.refusal.Refusal;
import io.claimtrack.user.Roles;
import io.claimtrack.webhook.NewWebhook;
import io.claimtrack.webhook.WebhookEvent;
import io.claimtrack.webhook.Webhooks;
import io.quarkus.security.identity.SecurityIdentity;

/** The admins' page of webhook subscriptions: each with its latest deliveries, a form to add one, and disabling. */
@Path("/webhooks")
@Produces(MediaType.TEXT_HTML)
public class WebhookPages {

    private static final int SHOWN_DELIVERIES = 20;

    private final Webhooks webhooks;
    private final SecurityIdentity identity;
    private final CsrfToken csrf;

    public WebhookPages(Webhooks webhooks, SecurityIdentity identity, CsrfToken csrf) {
        this.webhooks = webhooks;
        this.identity = identity;
        this.csrf = csrf;
    }

    /** A subscription with its latest deliveries, as the page lists it. */
    public record Listed(Webhooks.Subscription subscription, List<Webhooks.Delivery> deliveries) {
    }

    @GET
    public Object page() {
        if (!identity.hasRole(Roles.ADMIN)) {
            return identity.isAnonymous() ? Response.seeOther(URI.create("/login")).build()
                    : Response.status(403).entity(Templates.webhooks(user(), List.of(), List.of(), null,
                    "Webhooks are an admin's to see and change (ADMIN needed)")).build();
        }
        return render(null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object add(MultivaluedMap<String, String> form) {
        return submit(form, user -> {
            Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
            for (String event : form.getOrDefault("events", List.of())) {
                try {
                    events.add(WebhookEvent.valueOf(event));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInput("events", "must be among " + EnumSet.allOf(WebhookEvent.class));
                }
            }
            webhooks.register(new NewWebhook(form.getFirst("url"), form.getFirst("secret"), events), user);
        });
    }

    @POST
    @Path("/{id}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object disable(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return submit(form, user -> webhooks.disable(id, user));
    }

    private Object submit(MultivaluedMap<String, String> form, Consumer<String> change) {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        csrf.verify(form.getFirst(CsrfToken.NAME));
        if (!identity.hasRole(Roles.ADMIN)) {
            return Response.status(403).entity(Templates.webhooks(user(), List.of(), List.of(), null,
                    "Not done: webhooks are an admin's to change (ADMIN needed)")).build();
        }
        try {
            change.accept(user());
            return Response.seeOther(URI.create("/webhooks")).build();
        } catch (Refusal e) {
            return Response.status(ProblemMappers.statusOf(e)).entity(render("Not done: " + Refused.said(e))).build();
        }
    }

    private io.quarkus.qute.TemplateInstance render(String error) {
        List<Listed> listed = webhooks.all().stream()
                .map(subscription -> new Listed(subscription, webhooks.deliveries(subscription.id(), SHOWN_DELIVERIES)))
                .toList();
        return Templates.webhooks(user(), listed, List.of(WebhookEvent.values()), csrf.value(), error);
    }

    private String user() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }
}
