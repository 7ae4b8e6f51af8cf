package io.claimtrack.dashboard;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.claimtrack.evidence.EvidenceService;
import io.claimtrack.evidence.NewEvidence;
import io.claimtrack.facts.EvidenceKind;
import io.claimtrack.problem.ProblemMappers;
import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.refusal.Refusal;
import io.claimtrack.time.Instants;
import io.claimtrack.user.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** The evidence panel's forms: the same service and checks as the API; a refusal re-renders the page. */
@Path("/claims/{id}/evidence")
@Produces(MediaType.TEXT_HTML)
public class EvidencePages {

    private final EvidenceService evidence;
    private final SecurityIdentity identity;
    private final CsrfToken csrf;
    private final ClaimPage claimPage;
    private final Clock clock;

    public EvidencePages(EvidenceService evidence, SecurityIdentity identity, CsrfToken csrf, ClaimPage claimPage,
                         Clock clock) {
        this.evidence = evidence;
        this.identity = identity;
        this.csrf = csrf;
        this.claimPage = claimPage;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object add(@PathParam("id") long claimId, MultivaluedMap<String, String> form) {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        csrf.verify(form.getFirst(CsrfToken.NAME));
        try {
            allowed();
            String day = value(form, "accessedAt"); // the form's date input: that day, from its start (UTC)
            Instant accessed = Instants.parsePast("accessedAt", day == null || day.contains("T") ? day : day + "T00:00:00Z",
                    clock);
            evidence.add(claimId, new NewEvidence(value(form, "url"), value(form, "archivedUrl"), value(form, "title"),
                    value(form, "publisher"), kind(value(form, "kind")), accessed, value(form, "note"),
                    "on".equals(form.getFirst("forReview"))), user(), identity.hasRole(Roles.EDITOR));
            return Response.seeOther(URI.create("/claims/" + claimId + "#evidence")).build();
        } catch (Refusal e) {
            return refused(claimId, e);
        }
    }

    @POST
    @Path("/{evidenceId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object remove(@PathParam("id") long claimId, @PathParam("evidenceId") long evidenceId,
                         MultivaluedMap<String, String> form) {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        csrf.verify(form.getFirst(CsrfToken.NAME));
        try {
            allowed();
            evidence.remove(claimId, evidenceId, value(form, "reason"), user(), identity.hasRole(Roles.EDITOR));
            return Response.seeOther(URI.create("/claims/" + claimId + "#evidence")).build();
        } catch (Refusal e) {
            return refused(claimId, e);
        }
    }

    private void allowed() {
        if (!identity.hasRole(Roles.SUBMITTER) && !identity.hasRole(Roles.EDITOR)) {
            throw new InvalidInput("Your roles do not allow changing evidence (SUBMITTER or EDITOR needed)");
        }
    }

    private Response refused(long claimId, Refusal e) {
        String reason = Refused.said(e);
        boolean mayChange = identity.hasRole(Roles.SUBMITTER) || identity.hasRole(Roles.EDITOR);
        return Response.status(mayChange ? ProblemMappers.statusOf(e) : 403)
                .entity(claimPage.render(claimId, null, null, "Not done: " + reason)).build();
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    private static EvidenceKind kind(String value) {
        if (value == null) {
            return null;
        }
        try {
            return EvidenceKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("kind", "must be one of " + List.of(EvidenceKind.values()));
        }
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value;
    }
}
