package io.claimtrack.status;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statuses")
public class StatsResource {

    @GET
    @Operation(summary = "Counts of claims by current status and by flag (zeros included)")
    public Stats stats() {
        return Stats.current();
    }
}
