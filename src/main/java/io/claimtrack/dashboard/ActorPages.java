package io.claimtrack.dashboard;

import static io.claimtrack.dashboard.ClaimPageForms.value;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import io.claimtrack.claim.ActorChanges;
import io.claimtrack.claim.ActorCorrection;
import io.claimtrack.claim.ActorMerge;
import io.claimtrack.claim.NewAlias;
import io.claimtrack.facts.ActorKind;
import io.claimtrack.refusal.InvalidInput;
import io.quarkus.qute.TemplateInstance;

/**
 * An actor's page and its forms (see {@link ActorPage}): correct, give an alias, merge into another. The page's
 * GET lives here with the forms: a resource class at /actors/{id} answers every request under that path.
 */
@Path("/actors/{id}")
@Produces(MediaType.TEXT_HTML)
public class ActorPages {

    private final ActorChanges changes;
    private final ActorPage page;

    public ActorPages(ActorChanges changes, ActorPage page) {
        this.changes = changes;
        this.page = page;
    }

    @GET
    public TemplateInstance page(@PathParam("id") long id) {
        return page.render(id, null);
    }

    /** A field left empty is not corrected; blocs are given comma-separated, "-" for none. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("correct")
    public Object correct(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return page.submit(id, form, user -> changes.correct(id, new ActorCorrection(value(form, "name"),
                kind(value(form, "kind")), blocs(value(form, "blocs")), form.getFirst("reason")), user));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("aliases")
    public Object addAlias(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return page.submit(id, form, user -> changes.addAlias(id, new NewAlias(form.getFirst("alias")), user));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("merge")
    public Object merge(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return page.submit(id, form, user -> changes.merge(id, new ActorMerge(ClaimPageForms.id(form, "into", "actor"),
                form.getFirst("reason")), user));
    }

    private static ActorKind kind(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ActorKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("kind", "must be one of " + Arrays.toString(ActorKind.values()));
        }
    }

    private static Set<String> blocs(String value) {
        if (value == null) {
            return null;
        }
        Set<String> blocs = new TreeSet<>();
        if (!"-".equals(value.strip())) {
            Arrays.stream(value.split(",")).map(String::strip).filter(b -> !b.isEmpty()).forEach(blocs::add);
        }
        return blocs;
    }
}
