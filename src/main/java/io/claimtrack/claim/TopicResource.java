package io.claimtrack.claim;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/topics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claims")
public class TopicResource {

    private final ClaimQueries queries;

    public TopicResource(ClaimQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "The topics claims are filed under, with how many claims each has, the largest first",
            description = "Any of them, or its beginning, in any case, is a topic filter of /api/claims (?topic=)")
    public List<ClaimQueries.TopicCount> topics() {
        return queries.topics();
    }
}
