package io.claimtrack.dashboard;

import static io.claimtrack.dashboard.ClaimPageForms.value;

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

import io.claimtrack.evidence.EvidenceService;
import io.claimtrack.evidence.NewEvidence;
import io.claimtrack.facts.EvidenceKind;
import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.time.Instants;
import io.claimtrack.user.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** The evidence panel's forms (see {@link ClaimPageForms}). */
@Path("/claims/{id}/evidence")
@Produces(MediaType.TEXT_HTML)
public class EvidencePages {

    private static final List<String> ROLES = List.of(Roles.SUBMITTER, Roles.EDITOR);

    private final EvidenceService evidence;
    private final ClaimPageForms forms;
    private final SecurityIdentity identity;
    private final Clock clock;

    public EvidencePages(EvidenceService evidence, ClaimPageForms forms, SecurityIdentity identity, Clock clock) {
        this.evidence = evidence;
        this.forms = forms;
        this.identity = identity;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object add(@PathParam("id") long claimId, MultivaluedMap<String, String> form) {
        return forms.submit(claimId, ClaimPage.Panel.EVIDENCE, form, ROLES, user -> {
            String day = value(form, "accessedAt"); // the form's date input: that day, from its start (UTC)
            Instant accessed = Instants.parsePast("accessedAt", day == null || day.contains("T") ? day : day + "T00:00:00Z",
                    clock);
            evidence.add(claimId, new NewEvidence(value(form, "url"), value(form, "archivedUrl"), value(form, "title"),
                    value(form, "publisher"), kind(value(form, "kind")), accessed, value(form, "note"),
                    "on".equals(form.getFirst("forReview"))), user, identity.hasRole(Roles.EDITOR));
        });
    }

    @POST
    @Path("/{evidenceId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object remove(@PathParam("id") long claimId, @PathParam("evidenceId") long evidenceId,
                         MultivaluedMap<String, String> form) {
        return forms.submit(claimId, ClaimPage.Panel.EVIDENCE, form, ROLES, user ->
                evidence.remove(claimId, evidenceId, value(form, "reason"), user, identity.hasRole(Roles.EDITOR)));
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
}
