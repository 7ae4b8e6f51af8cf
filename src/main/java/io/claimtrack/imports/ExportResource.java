package io.claimtrack.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.claimtrack.user.Roles;

@Path("/api/export")
@Tag(name = "Imports", description = "Bulk NDJSON ingest of actors and claims, run as jobs with progress")
public class ExportResource {

    private final ArchiveExport export;
    private final Clock clock;

    public ExportResource(ArchiveExport export, Clock clock) {
        this.export = export;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Produces(ImportResource.NDJSON)
    @Operation(summary = "The whole archive as NDJSON, in the format POST /api/imports takes",
            description = "Every actor, then every claim oldest first with a ref (\"c\" + id) that relations point at,"
                    + " each followed by the verdicts in force on it. Imported into an empty store by an analyst, it gives"
                    + " the same claims, relations, verdicts and statuses; the history starts again at the import.")
    public Response export() {
        StreamingOutput body = export::write;
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"claimtrack-"
                + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".ndjson\"").build();
    }
}
