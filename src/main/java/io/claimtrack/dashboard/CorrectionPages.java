package io.claimtrack.dashboard;

import static io.claimtrack.dashboard.ClaimPageForms.value;

import java.time.Clock;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import io.claimtrack.claim.ClaimCorrection;
import io.claimtrack.claim.ClaimCorrections;
import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.time.Instants;
import io.claimtrack.user.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** The correction form (see {@link ClaimPageForms}): a field left empty is not corrected; the relation is chosen. */
@Path("/claims/{id}/correct")
@Produces(MediaType.TEXT_HTML)
public class CorrectionPages {

    private static final List<String> ROLES = List.of(Roles.SUBMITTER, Roles.EDITOR);

    private final ClaimCorrections corrections;
    private final ClaimPageForms forms;
    private final SecurityIdentity identity;
    private final Clock clock;

    public CorrectionPages(ClaimCorrections corrections, ClaimPageForms forms, SecurityIdentity identity, Clock clock) {
        this.corrections = corrections;
        this.forms = forms;
        this.identity = identity;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object correct(@PathParam("id") long claimId, MultivaluedMap<String, String> form) {
        return forms.submit(claimId, ClaimPage.Panel.CORRECTION, form, ROLES, user -> {
            String relation = value(form, "relation");
            Long target = ClaimPageForms.claimId(form, "target");
            if (relation != null && !"alone".equals(relation) && target == null) {
                throw new InvalidInput("target", "say which claim it " + relation);
            }
            corrections.correct(claimId, new ClaimCorrection(value(form, "text"), value(form, "topic"),
                    Instants.parsePast("assertedAt", value(form, "assertedAt"), clock), value(form, "claimant"),
                    "disputes".equals(relation) ? target : null, "supports".equals(relation) ? target : null,
                    "retracts".equals(relation) ? target : null, "alone".equals(relation) ? Boolean.TRUE : null,
                    form.getFirst("reason")), user, identity.hasRole(Roles.EDITOR));
        });
    }
}
