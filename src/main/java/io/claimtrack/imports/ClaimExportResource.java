package io.claimtrack.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.claimtrack.claim.ClaimFilter;
import io.claimtrack.claim.ClaimListParams;
import io.claimtrack.rating.RatingScale;
import io.claimtrack.refusal.InvalidInput;

/** A filtered claim list, whole, as CSV for spreadsheets or as NDJSON that POST /api/imports takes back. */
@Path("/api/claims/export")
@Tag(name = "Claims")
public class ClaimExportResource {

    private final ArchiveExport ndjson;
    private final ClaimCsvExport csv;
    private final RatingScale scale;
    private final Clock clock;

    public ClaimExportResource(ArchiveExport ndjson, ClaimCsvExport csv, RatingScale scale, Clock clock) {
        this.ndjson = ndjson;
        this.csv = csv;
        this.scale = scale;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The claims the list's filters select, all of them, streamed: format=csv or format=ndjson",
            description = "CSV: a header row and one row per claim, oldest assertion first, with its standing, review"
                    + " and rating (RFC 4180). NDJSON: the import format, with each claimant before its first claim and"
                    + " the verdicts, evidence and reviews that travel with a claim; imported into an empty store it"
                    + " gives the same statuses when it holds whole threads (an answer to a claim left out is refused"
                    + " by the import, line by line). 400 for another format, or with asOf.")
    public Response export(@Parameter(description = "csv or ndjson") @QueryParam("format") String format,
                           @BeanParam ClaimListParams params, @QueryParam("asOf") String asOf) {
        if (asOf != null) {
            throw new InvalidInput("asOf", "an export is of the claims as they stand now: leave asOf out");
        }
        ClaimFilter filter = params.filter(scale, null);
        String day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        if ("csv".equals(format)) {
            StreamingOutput body = out -> csv.write(out, filter);
            return Response.ok(body, "text/csv; charset=utf-8; header=present")
                    .header("Content-Disposition", "attachment; filename=\"claims-" + day + ".csv\"").build();
        }
        if ("ndjson".equals(format)) {
            StreamingOutput body = out -> ndjson.write(out, filter);
            return Response.ok(body, ImportResource.NDJSON)
                    .header("Content-Disposition", "attachment; filename=\"claims-" + day + ".ndjson\"").build();
        }
        throw new InvalidInput("format", format == null ? "is required: csv or ndjson" : "must be csv or ndjson");
    }
}
