package io.claimtrack.dashboard;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import io.claimtrack.claim.ClaimFilter;
import io.claimtrack.claim.ClaimQueries;
import io.claimtrack.claim.ClaimService;
import io.claimtrack.claim.ClaimView;
import io.claimtrack.claim.NewClaim;
import io.claimtrack.claim.Page;
import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;
import io.claimtrack.facts.ReviewState;
import io.claimtrack.problem.QueryParameters;
import io.claimtrack.refusal.FieldError;
import io.claimtrack.refusal.Refusal;
import io.claimtrack.user.Roles;
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

    private static final int PAGE_SIZE = 20;
    /** The submit form suggests claimants as you type from this many registered names (the browser filters them). */
    private static final int ACTOR_SUGGESTIONS = 2000;

    private final Overview overview;
    private final ClaimQueries queries;
    private final ClaimService claims;
    private final ActorService actors;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final CsrfToken csrf;
    private final ClaimPage claimPage;

    public DashboardPages(Overview overview, ClaimQueries queries, ClaimService claims, ActorService actors,
                          SecurityIdentity identity, Clock clock, CsrfToken csrf, ClaimPage claimPage) {
        this.claimPage = claimPage;
        this.overview = overview;
        this.queries = queries;
        this.claims = claims;
        this.actors = actors;
        this.identity = identity;
        this.clock = clock;
        this.csrf = csrf;
    }

    private String user() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    @GET
    public TemplateInstance overview() {
        Overview.View view = overview.read();
        return Templates.overview(user(), view.stats(), view.days(), view.chart(), view.changes(), view.contested());
    }

    @GET
    @Path("claims")
    public TemplateInstance claims(@QueryParam("status") String status, @QueryParam("flag") String flag,
                                   @QueryParam("claimant") String claimant, @QueryParam("topic") String topic,
                                   @QueryParam("q") String q, @QueryParam("page") String page,
                                   @QueryParam("sort") String sort, @QueryParam("review") String review) {
        ClaimFilter filter = ClaimFilter.parse(status, flag, claimant, topic, q, null).withDesk(review, null, null, null);
        if ("oldest".equals(sort)) {
            filter = filter.oldestFirst();
        }
        int pageIndex = QueryParameters.integer("page", page, 0, 0, Page.MAX_PAGE);
        Page<ClaimView> result = queries.list(filter, pageIndex, PAGE_SIZE);
        int pages = (int) Math.ceil(result.total() / (double) PAGE_SIZE);
        return Templates.claims(user(), result, result.items(), ClaimStatus.values(), Flag.values(), pageIndex + 1,
                pageIndex > 0 ? pageIndex - 1 : null, pageIndex + 1 < pages ? pageIndex + 1 : null,
                status, flag, claimant, topic, q, sort, pages, ReviewState.values(),
                filter.review() == null ? null : filter.review().name());
    }

    @GET
    @Path("claims/{id}")
    public Object claim(@PathParam("id") long id, @QueryParam("asOf") String asOfParam) {
        Optional<Long> kept = queries.readAs(id, null);
        if (kept.isPresent()) { // a merged duplicate: the claim kept instead, at the same instant
            return Response.seeOther(URI.create("/claims/" + kept.get() + (asOfParam == null ? ""
                    : "?asOf=" + URLEncoder.encode(asOfParam, StandardCharsets.UTF_8)))).build();
        }
        return claimPage.render(id, asOfParam);
    }

    @GET
    @Path("actors")
    public TemplateInstance actors() {
        return Templates.actors(user(), actors.all());
    }

    @GET
    @Path("login")
    public TemplateInstance login(@QueryParam("error") String error) {
        return Templates.login(user(), error != null);
    }

    @GET
    @Path("claims/new")
    public Object newClaim(@QueryParam("disputes") Long disputes, @QueryParam("supports") Long supports,
                           @QueryParam("retracts") Long retracts) {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        ClaimForm blank = ClaimForm.blank(disputes, supports, retracts, clock.instant().truncatedTo(ChronoUnit.MINUTES));
        return Templates.submit(user(), blank, Map.of(), csrf.value(), actors.names(ACTOR_SUGGESTIONS));
    }

    /** The submit form: the same request and the same service as the API; each refusal shown beside its input. */
    @POST
    @Path("claims/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object submitClaim(@BeanParam ClaimForm form, @RestForm(CsrfToken.NAME) String csrfToken) {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        csrf.verify(csrfToken);
        Map<String, String> errors = new HashMap<>();
        if (!identity.hasRole(Roles.SUBMITTER)) {
            errors.put("form", "Your roles do not allow submitting claims (SUBMITTER needed)");
        }
        NewClaim request = form.toRequest(errors);
        if (!errors.containsKey("assertedAt")) {
            claims.problems(request).forEach(err -> errors.putIfAbsent(input(err), err.message()));
        }
        if (errors.isEmpty()) {
            try {
                return Response.seeOther(URI.create("/claims/" + claims.submit(request, user()).id())).build();
            } catch (Refusal e) {
                e.errors().forEach(err -> errors.putIfAbsent(input(err), err.message()));
                if (e.errors().isEmpty()) {
                    errors.put("form", e.getMessage());
                }
            }
        }
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(Templates.submit(user(), form, errors, csrf.value(), actors.names(ACTOR_SUGGESTIONS))).build();
    }

    /** The form's input for a field of the claim: the source's URL has an input of its own. */
    private static String input(FieldError error) {
        return "source.url".equals(error.field()) ? "sourceUrl" : error.field();
    }
}
