package io.claimtrack.publishing;

import java.time.Clock;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.claimtrack.problem.QueryParameters;
import io.claimtrack.time.Instants;

/** The desk's published reviews as schema.org ClaimReviews (JSON-LD), for harvesting. */
@Path("/api/claimreviews")
@Produces({ClaimReviewResource.JSON_LD, "application/json"})
@Tag(name = "Publishing")
public class ClaimReviewsResource {

    private static final int MAX_LISTED = 1000;

    private final ClaimReviewDocuments documents;
    private final Clock clock;

    public ClaimReviewsResource(ClaimReviewDocuments documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Published ClaimReviews changed after an instant, oldest change first, for harvesting",
            description = "Ask again with since= the last one's dateModified to get the next ones.")
    public List<ObjectNode> changedSince(
            @Parameter(description = "system time: ISO instant or date; none for all") @QueryParam("since") String since,
            @Parameter(description = "1 to 1000, default 100") @QueryParam("limit") String limit) {
        return documents.changedSince(Instants.parsePast("since", since, clock),
                QueryParameters.integer("limit", limit, 100, 1, MAX_LISTED));
    }
}
