package io.claimtrack.dashboard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.claimtrack.imports.ImportJobs;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/** The latest import jobs with their progress and first errors; the page follows running ones (app.js). */
@Path("/imports")
@Produces(MediaType.TEXT_HTML)
public class ImportPages {

    static final int SHOWN = 20;

    private final ImportJobs imports;
    private final SecurityIdentity identity;

    public ImportPages(ImportJobs imports, SecurityIdentity identity) {
        this.imports = imports;
        this.identity = identity;
    }

    @GET
    public TemplateInstance page() {
        return Templates.imports(identity.isAnonymous() ? null : identity.getPrincipal().getName(), imports.latest(SHOWN));
    }
}
