package io.claimtrack.dashboard;

import java.util.List;

import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.refusal.FieldErrors;
import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.user.Roles;
import io.claimtrack.verdict.NewVerdict;
import io.claimtrack.verdict.VerdictService;

/** The verdict panel's forms (see {@link ClaimPageForms}). */
@Path("/claims/{id}/verdicts")
@Produces(MediaType.TEXT_HTML)
public class VerdictPages {

    private static final List<String> ROLES = List.of(Roles.ANALYST);

    private final VerdictService verdicts;
    private final Validator validator;
    private final ClaimPageForms forms;

    public VerdictPages(VerdictService verdicts, Validator validator, ClaimPageForms forms) {
        this.verdicts = verdicts;
        this.validator = validator;
        this.forms = forms;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object give(@PathParam("id") long claimId, MultivaluedMap<String, String> form) {
        return forms.submit(claimId, ClaimPage.Panel.VERDICTS, form, ROLES, user -> {
            NewVerdict request = new NewVerdict(status(form.getFirst("status")), form.getFirst("reason"));
            var violations = validator.validate(request);
            if (!violations.isEmpty()) {
                throw FieldErrors.invalid(FieldErrors.of(violations));
            }
            verdicts.give(claimId, request, user);
        });
    }

    @POST
    @Path("/{verdictId}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object withdraw(@PathParam("id") long claimId, @PathParam("verdictId") long verdictId,
                           MultivaluedMap<String, String> form) {
        return forms.submit(claimId, ClaimPage.Panel.VERDICTS, form, ROLES,
                user -> verdicts.withdraw(claimId, verdictId, user));
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
