package io.claimtrack.dashboard;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import io.claimtrack.claim.ClaimMerge;
import io.claimtrack.claim.ClaimMerges;
import io.claimtrack.user.Roles;

/** The merge form (see {@link ClaimPageForms}): an editor merges this claim, a duplicate, into the one kept. */
@Path("/claims/{id}/merge")
@Produces(MediaType.TEXT_HTML)
public class MergePages {

    private static final List<String> ROLES = List.of(Roles.EDITOR);

    private final ClaimMerges merges;
    private final ClaimPageForms forms;

    public MergePages(ClaimMerges merges, ClaimPageForms forms) {
        this.merges = merges;
        this.forms = forms;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object merge(@PathParam("id") long claimId, MultivaluedMap<String, String> form) {
        // Once merged, the page of this claim sends the browser on to the kept one.
        return forms.submit(claimId, ClaimPage.Panel.MERGE, form, ROLES, user ->
                merges.merge(claimId, new ClaimMerge(ClaimPageForms.claimId(form, "into"), form.getFirst("reason")), user));
    }
}
