package io.claimtrack.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.claimtrack.user.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@jakarta.ws.rs.Path("/api/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Bulk NDJSON ingest of actors and claims, and other fact-checkers' ClaimReview,"
        + " run as jobs with progress")
public class ImportResource {

    public static final String NDJSON = "application/x-ndjson";

    private final ImportJobs imports;
    private final SecurityIdentity identity;

    public ImportResource(ImportJobs imports, SecurityIdentity identity) {
        this.imports = imports;
        this.identity = identity;
    }

    @POST
    @Consumes(NDJSON)
    @RolesAllowed(Roles.SUBMITTER)
    @Operation(summary = "Import actors and claims from NDJSON",
            description = "One JSON object per line: {\"type\":\"actor\", name, kind, blocs} or {\"type\":\"claim\","
                    + " ref?, text, claimant, assertedAt, ...}, where disputes/supports/retracts is a stored claim's id"
                    + " (a number) or the ref of an earlier line (text). Answers 202 once the upload is on disk; the"
                    + " job stores valid lines, reports invalid ones by line number (all-or-nothing per line) and"
                    + " re-evaluates the threads each chunk touched. Follow it at the Location.")
    public Response start(InputStream body, UriInfo uri) throws IOException {
        ImportView job = imports.queue(body, identity.getPrincipal().getName());
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(String.valueOf(job.id())).build()).build();
    }

    @POST
    @Consumes({"application/ld+json", MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @RolesAllowed(Roles.SUBMITTER)
    @Operation(summary = "Import other fact-checkers' ClaimReview",
            description = "A JSON-LD document (a ClaimReview, an array or an @graph of them), a Fact Check Tools claim"
                    + " search response ({\"claims\": [{\"text\", \"claimant\", \"claimDate\", \"claimReview\": [{\"publisher\","
                    + " \"url\", \"reviewDate\", \"textualRating\"}]}]}) or, as text/html, a page whose"
                    + " <script type=\"application/ld+json\"> blocks hold them. Each review is a line of the job: the claim"
                    + " reviewed (the stored one the duplicate detection finds for its claimant, else a new claim), and the"
                    + " publisher (a MEDIA actor) disputing or supporting it by the desk's rating mapping"
                    + " (claimtrack.claimreview-in.*). A rating the mapping does not cover is a rejected line naming it."
                    + " 400 when the document is not JSON, 422 when it holds no ClaimReview.")
    public Response startClaimReviews(InputStream body, @Context HttpHeaders headers, UriInfo uri) throws IOException {
        boolean html = MediaType.TEXT_HTML_TYPE.isCompatible(headers.getMediaType());
        ImportView job = imports.queueClaimReviews(body, html, identity.getPrincipal().getName());
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(String.valueOf(job.id())).build()).build();
    }

    @GET
    @jakarta.ws.rs.Path("/{id}")
    @Operation(summary = "An import's state and progress, with its first 100 rejected lines")
    public ImportView get(@PathParam("id") long id) {
        return imports.get(id);
    }

    @GET
    @Operation(summary = "The latest 20 imports, newest first")
    public List<ImportView> latest() {
        return imports.latest(20);
    }
}
