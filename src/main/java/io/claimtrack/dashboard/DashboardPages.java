package io.claimtrack.dashboard;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.claimtrack.claim.ActorService;
import io.claimtrack.claim.ActorView;
import io.claimtrack.claim.ClaimFilter;
import io.claimtrack.claim.ClaimQueries;
import io.claimtrack.claim.ClaimService;
import io.claimtrack.claim.ClaimView;
import io.claimtrack.claim.NewClaim;
import io.claimtrack.claim.Page;
import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;
import io.claimtrack.problem.QueryParameters;
import io.claimtrack.refusal.FieldError;
import io.claimtrack.refusal.Refusal;
import io.claimtrack.time.Instants;
import io.claimtrack.user.Roles;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The fact-check desk's pages, rendered on the server (readable with JavaScript off; app.js only adds
 * live updates). Every page reads through the same queries as the API; the submit form goes through
 * the same ClaimService as POST /api/claims.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DashboardPages {

    private final Template overview;
    private final Template claims;
    private final Template claim;
    private final Template actors;
    private final Template actor;
    private final Template submit;
    private final Template login;
    private final Overview data;
    private final ClaimQueries queries;
    private final ClaimService claimService;
    private final ActorService actorService;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final CsrfToken csrf;

    public DashboardPages(Template overview, Template claims, Template claim, Template actors, Template actor,
                          Template submit, Template login, Overview data, ClaimQueries queries,
                          ClaimService claimService, ActorService actorService, SecurityIdentity identity, Clock clock,
                          CsrfToken csrf) {
        this.csrf = csrf;
        this.overview = overview;
        this.claims = claims;
        this.claim = claim;
        this.actors = actors;
        this.actor = actor;
        this.submit = submit;
        this.login = login;
        this.data = data;
        this.queries = queries;
        this.claimService = claimService;
        this.actorService = actorService;
        this.identity = identity;
        this.clock = clock;
    }

    private String user() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    @GET
    public TemplateInstance overview() {
        Overview.View view = data.read();
        return overview.data("user", user())
                .data("stats", view.stats())
                .data("days", view.days())
                .data("chart", view.chart())
                .data("changes", view.changes())
                .data("contested", view.contested());
    }

    @GET
    @Path("claims")
    public TemplateInstance claims(@QueryParam("status") String status, @QueryParam("flag") String flag,
                                   @QueryParam("claimant") String claimant, @QueryParam("topic") String topic,
                                   @QueryParam("q") String q, @QueryParam("page") String page,
                                   @QueryParam("sort") String sort) {
        ClaimFilter filter = ClaimFilter.parse(status, flag, claimant, topic, q, null);
        if ("oldest".equals(sort)) {
            filter = filter.oldestFirst();
        }
        int pageIndex = QueryParameters.integer("page", page, 0, 0, Page.MAX_PAGE);
        Page<ClaimView> result = queries.list(filter, pageIndex, 20);
        int pages = (int) Math.ceil(result.total() / 20.0);
        return claims.data("user", user()).data("page", result).data("items", result.items())
                .data("statuses", ClaimStatus.values()).data("flags", Flag.values())
                .data("pageNumber", pageIndex + 1)
                .data("previous", pageIndex > 0 ? pageIndex - 1 : null)
                .data("next", pageIndex + 1 < pages ? pageIndex + 1 : null)
                .data("status", status).data("flag", flag).data("claimant", claimant).data("topic", topic)
                .data("q", q).data("sort", sort)
                .data("pages", pages);
    }

    @GET
    @Path("claims/{id}")
    public TemplateInstance claim(@PathParam("id") long id, @QueryParam("asOf") String asOfParam) {
        Instant asOf = Instants.parsePast("asOf", asOfParam, clock);
        ClaimView view = queries.get(id, asOf, null);
        return claim.data("user", user()).data("c", view)
                .data("tree", ThreadTree.of(queries.thread(view.thread(), asOf)))
                .data("timeline", queries.timeline(id))
                .data("history", queries.history(id))
                .data("asOf", asOf == null ? null : LocalDateTime.ofInstant(asOf, ZoneOffset.UTC)
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
    }

    @GET
    @Path("actors")
    public TemplateInstance actors() {
        return actors.data("user", user()).data("actors", actorService.all());
    }

    /** A claim of the actor's that disputes another. */
    public record Dispute(ClaimView claim, ClaimView target) {
    }

    @GET
    @Path("actors/{id}")
    public TemplateInstance actor(@PathParam("id") long id) {
        ActorView found = actorService.get(id);
        List<ClaimView> own = queries.list(ClaimFilter.parse(null, null, found.name(), null, null, null), 0, Page.MAX_SIZE).items();
        Map<Long, ClaimView> targets = queries.current(own.stream().map(ClaimView::disputes).filter(Objects::nonNull).toList());
        List<Dispute> disputes = own.stream().filter(mine -> mine.disputes() != null)
                .map(mine -> new Dispute(mine, targets.get(mine.disputes()))).toList();
        return actor.data("user", user()).data("a", found).data("claims", own).data("disputes", disputes);
    }

    @GET
    @Path("login")
    public TemplateInstance login(@QueryParam("error") String error) {
        return login.data("user", user()).data("error", error != null);
    }

    @GET
    @Path("claims/new")
    public Object newClaim(@QueryParam("disputes") Long disputes, @QueryParam("supports") Long supports,
                           @QueryParam("retracts") Long retracts) {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        Map<String, Object> form = new HashMap<>();
        form.put("disputes", disputes);
        form.put("supports", supports);
        form.put("retracts", retracts);
        form.put("assertedAt", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
        return submit.data("user", user()).data("form", form).data("errors", Map.of()).data("csrf", csrf.value());
    }

    @POST
    @Path("claims/new")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object submitClaim(@RestForm String text, @RestForm String claimant, @RestForm String topic,
                              @RestForm String assertedAt, @RestForm String quote, @RestForm String sourceUrl,
                              @RestForm String disputes, @RestForm String supports, @RestForm String retracts,
                              @RestForm(CsrfToken.NAME) String csrfToken) {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        csrf.verify(csrfToken);
        Map<String, Object> form = new HashMap<>();
        form.put("text", text);
        form.put("claimant", claimant);
        form.put("topic", topic);
        form.put("assertedAt", assertedAt);
        form.put("quote", quote);
        form.put("sourceUrl", sourceUrl);
        form.put("disputes", disputes);
        form.put("supports", supports);
        form.put("retracts", retracts);
        Map<String, String> errors = new HashMap<>();
        if (!identity.hasRole(Roles.SUBMITTER)) {
            errors.put("form", "Your roles do not allow submitting claims (SUBMITTER needed)");
        }
        Instant asserted = null;
        try {
            asserted = assertedAt == null || assertedAt.isBlank() ? null : Instant.parse(assertedAt.strip());
        } catch (java.time.format.DateTimeParseException e) {
            errors.put("assertedAt", "must be an instant such as 2015-09-30T12:00:00Z");
        }
        Long disputesId = id("disputes", disputes, errors);
        Long supportsId = id("supports", supports, errors);
        Long retractsId = id("retracts", retracts, errors);
        NewClaim request = new NewClaim(text, claimant, topic, asserted,
                sourceUrl == null || sourceUrl.isBlank() ? null : new NewClaim.SourceInput(sourceUrl.strip(), null, null),
                quote, disputesId, supportsId, retractsId);
        if (!errors.containsKey("assertedAt")) {
            claimService.problems(request).forEach(err -> errors.putIfAbsent(formField(err), err.message()));
        }
        if (errors.isEmpty()) {
            try {
                ClaimView stored = claimService.submit(request, user());
                return Response.seeOther(URI.create("/claims/" + stored.id())).build();
            } catch (Refusal e) {
                e.errors().forEach(err -> errors.putIfAbsent(formField(err), err.message()));
                if (e.errors().isEmpty()) {
                    errors.put("form", e.getMessage());
                }
            }
        }
        return Response.status(400).entity(submit.data("user", user()).data("form", form).data("errors", errors)
                .data("csrf", csrf.value())).build();
    }

    private static Long id(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "must be a claim id");
            return null;
        }
    }

    /** The form's input for a field of the claim: the source's URL has an input of its own. */
    private static String formField(FieldError error) {
        return "source.url".equals(error.field()) ? "sourceUrl" : error.field();
    }
}
