package io.claimtrack.publishing;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.claimtrack.refusal.NotFound;

/** A claim's published review as schema.org ClaimReview (JSON-LD). */
@Path("/api/claims/{id}/claimreview")
@Produces({ClaimReviewResource.JSON_LD, "application/json"})
@Tag(name = "Publishing", description = "What the desk publishes, in the formats that read fact-checks")
public class ClaimReviewResource {

    static final String JSON_LD = "application/ld+json";

    private final ClaimReviewDocuments documents;

    public ClaimReviewResource(ClaimReviewDocuments documents) {
        this.documents = documents;
    }

    @GET
    @Operation(summary = "The claim's published review as a schema.org ClaimReview (JSON-LD)",
            description = "404 when the claim has no published review (not yet published, or unpublished).")
    public ObjectNode claimReview(@PathParam("id") long id) {
        return documents.of(id).orElseThrow(() -> new NotFound("claim #" + id + " has no published review: a"
                + " ClaimReview exists once the desk publishes one (and no longer once it is unpublished)"));
    }
}
