package io.claimtrack.dashboard;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import jakarta.validation.Validator;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.problem.ProblemMappers;
import io.claimtrack.refusal.FieldErrors;
import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.refusal.Refusal;
import io.claimtrack.user.Roles;
import io.claimtrack.verdict.NewVerdict;
import io.claimtrack.verdict.VerdictService;
import io.quarkus.security.identity.SecurityIdentity;

/** The verdict panel's forms: the same service and checks as the API; a refusal re-renders the page with it. */
@Path("/claims/{id}/verdicts")
@Produces(MediaType.TEXT_HTML)
public class VerdictPages {

    private final VerdictService verdicts;
    private final Validator validator;
    private final SecurityIdentity identity;
    private final CsrfToken csrf;
    private final ClaimPage claimPage;

    public VerdictPages(VerdictService verdicts, Validator validator, SecurityIdentity identity, CsrfToken csrf,
                        ClaimPage claimPage) {
        this.verdicts = verdicts;
        this.validator = validator;
        this.identity = identity;
        this.csrf = csrf;
        this.claimPage = claimPage;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object give(@PathParam("id") long claimId, MultivaluedMap<String, String> form) {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        csrf.verify(form.getFirst(CsrfToken.NAME));
        try {
            analyst();
            NewVerdict request = new NewVerdict(status(form.getFirst("status")), form.getFirst("reason"));
            var violations = validator.validate(request);
            if (!violations.isEmpty()) {
                throw FieldErrors.invalid(FieldErrors.of(violations));
            }
            verdicts.give(claimId, request, identity.getPrincipal().getName());
            return Response.seeOther(URI.create("/claims/" + claimId + "#verdicts")).build();
        } catch (Refusal e) {
            return refused(claimId, e);
        }
    }

    @POST
    @Path("/{verdictId}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object withdraw(@PathParam("id") long claimId, @PathParam("verdictId") long verdictId,
                           MultivaluedMap<String, String> form) {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        csrf.verify(form.getFirst(CsrfToken.NAME));
        try {
            analyst();
            verdicts.withdraw(claimId, verdictId, identity.getPrincipal().getName());
            return Response.seeOther(URI.create("/claims/" + claimId + "#verdicts")).build();
        } catch (Refusal e) {
            return refused(claimId, e);
        }
    }

    private void analyst() {
        if (!identity.hasRole(Roles.ANALYST)) {
            throw new InvalidInput("Your roles do not allow verdicts (ANALYST needed)");
        }
    }

    private Response refused(long claimId, Refusal e) {
        String reason = Refused.said(e);
        return Response.status(identity.hasRole(Roles.ANALYST) ? ProblemMappers.statusOf(e) : 403)
                .entity(claimPage.render(claimId, null, null, null, "Not done: " + reason)).build();
    }

    private static ClaimStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ClaimStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status", "must be one of " + List.of(ClaimStatus.values()));
        }
    }
}
