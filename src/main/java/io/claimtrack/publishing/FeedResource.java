package io.claimtrack.publishing;

import java.util.Arrays;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;
import io.claimtrack.refusal.InvalidInput;

/** The desk's Atom feeds: published reviews, and changes of standing (by topic, status, flag). */
@Path("/feeds")
@Produces(FeedResource.ATOM_XML)
@Tag(name = "Publishing")
public class FeedResource {

    static final String ATOM_XML = "application/atom+xml";

    private final AtomFeeds feeds;

    public FeedResource(AtomFeeds feeds) {
        this.feeds = feeds;
    }

    @GET
    @Path("/reviews.atom")
    @Operation(summary = "Atom feed of the latest published reviews (50), each linking to its claim and ClaimReview")
    public String reviews() {
        return feeds.reviews();
    }

    @GET
    @Path("/changes.atom")
    @Operation(summary = "Atom feed of the latest changes of standing (50), each with the rule's reason",
            description = "topic (any case), status (changed to) and flag (raised or kept) narrow it.")
    public String changes(@QueryParam("topic") String topic, @QueryParam("status") String status,
                          @QueryParam("flag") String flag, @Context UriInfo uri) {
        return feeds.changes(topic, parse(ClaimStatus.class, "status", status), parse(Flag.class, "flag", flag),
                uri.getRequestUri().getRawQuery());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
