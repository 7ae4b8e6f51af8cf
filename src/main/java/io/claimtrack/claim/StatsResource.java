package io.claimtrack.claim;

import java.time.Clock;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.claimtrack.time.Instants;

@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claims")
public class StatsResource {

    private final ClaimQueries queries;
    private final Clock clock;

    public StatsResource(ClaimQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Counts of claims by status and by flag (zeros included), now or as of an event-time instant;"
            + " now, also by the desk's review state and by the rating of published reviews")
    public ClaimStats stats(@Parameter(description = "event time: ISO instant or date (end of that day, UTC)")
                       @QueryParam("asOf") String asOf) {
        return queries.deskStats(Instants.parsePast("asOf", asOf, clock));
    }
}
