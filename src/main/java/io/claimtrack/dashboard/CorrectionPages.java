package io.claimtrack.dashboard;

import java.net.URI;
import java.time.Clock;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.claimtrack.claim.ClaimCorrection;
import io.claimtrack.claim.ClaimService;
import io.claimtrack.problem.ProblemMappers;
import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.refusal.Refusal;
import io.claimtrack.time.Instants;
import io.claimtrack.user.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** The correction form: the same service and checks as PATCH /api/claims/{id}; a refusal re-renders the page. */
@Path("/claims/{id}/correct")
@Produces(MediaType.TEXT_HTML)
public class CorrectionPages {

    private final ClaimService claims;
    private final SecurityIdentity identity;
    private final CsrfToken csrf;
    private final ClaimPage claimPage;
    private final Clock clock;

    public CorrectionPages(ClaimService claims, SecurityIdentity identity, CsrfToken csrf, ClaimPage claimPage,
                           Clock clock) {
        this.claims = claims;
        this.identity = identity;
        this.csrf = csrf;
        this.claimPage = claimPage;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object correct(@PathParam("id") long claimId, MultivaluedMap<String, String> form) {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        csrf.verify(form.getFirst(CsrfToken.NAME));
        boolean mayCorrect = identity.hasRole(Roles.SUBMITTER) || identity.hasRole(Roles.EDITOR);
        try {
            if (!mayCorrect) {
                throw new InvalidInput("Your roles do not allow corrections (SUBMITTER or EDITOR needed)");
            }
            claims.correct(claimId, new ClaimCorrection(changed(form, "text"), changed(form, "topic"),
                    Instants.parsePast("assertedAt", changed(form, "assertedAt"), clock), changed(form, "claimant"),
                    form.getFirst("reason")), identity.getPrincipal().getName(), identity.hasRole(Roles.EDITOR));
            return Response.seeOther(URI.create("/claims/" + claimId + "#correct")).build();
        } catch (Refusal e) {
            return Response.status(mayCorrect ? ProblemMappers.statusOf(e) : 403)
                    .entity(claimPage.render(claimId, null, null, null, null, "Not corrected: " + Refused.said(e))).build();
        }
    }

    /** A field the form left empty is not corrected. */
    private static String changed(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value;
    }
}
