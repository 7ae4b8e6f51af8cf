package io.claimtrack.authoring;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.claimtrack.problem.QueryParameters;
import io.claimtrack.claim.Page;
import io.claimtrack.user.Roles;
import io.claimtrack.refusal.NotFound;
import io.claimtrack.refusal.InvalidInput;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.panache.common.Sort;

@Path("/api/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rulesets", description = "Versioned policies: draft, validate, test, preview, activate, roll back")
public class RulesetResource {

    private final RulesetVersions versions;
    private final Drafts drafts;
    private final DraftChecks checks;
    private final Activations activations;
    private final SecurityIdentity identity;

    public RulesetResource(RulesetVersions versions, Drafts drafts, DraftChecks checks, Activations activations,
                           SecurityIdentity identity) {
        this.versions = versions;
        this.drafts = drafts;
        this.checks = checks;
        this.activations = activations;
        this.identity = identity;
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }

    @POST
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "Create a draft",
            description = "{author, note, files:{name: drl}} or {author, note, basedOn, files:{changed or added; null removes}}."
                    + " Scenarios may be attached the same way. The draft is stored as is; /validate says whether it may run.")
    public Response create(@Valid @NotNull(message = "a JSON body is required") NewRuleset request, UriInfo uri) {
        RulesetView draft = drafts.create(request, caller());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(draft.version())).build())
                .entity(draft).build();
    }

    @GET
    @Operation(summary = "Every version, newest first (file names only)")
    public List<RulesetView> list() {
        return versions.list();
    }

    @GET
    @Path("/active")
    public RulesetView active() {
        return versions.active().orElseThrow(() -> new NotFound("No ruleset is active"));
    }

    @GET
    @Path("/audit")
    @Operation(summary = "Who created, failed to validate, activated or rolled back which version, newest first")
    public List<AuditEntry> audit() {
        return versions.audit(Integer.MAX_VALUE);
    }

    @GET
    @Path("/{version}")
    public RulesetView get(@PathParam("version") int version) {
        return versions.get(version);
    }

    @POST
    @RolesAllowed(Roles.ANALYST)
    @Path("/{version}/validate")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Size limits, safety policy, compilation, required queries: every problem with file, line and column")
    public Validation validate(@PathParam("version") int version) {
        return checks.validate(version, caller());
    }

    @POST
    @RolesAllowed(Roles.ANALYST)
    @Path("/{version}/test")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Run rules/scenarios and the version's attached scenarios: pass/fail with expected vs actual")
    public TestRun test(@PathParam("version") int version) {
        return checks.test(version);
    }

    @POST
    @RolesAllowed(Roles.ANALYST)
    @Path("/{version}/preview")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Which claims would change status or flags if this version were active; changes nothing")
    public Preview preview(@PathParam("version") int version, @QueryParam("page") String page,
                           @QueryParam("size") String size) {
        return checks.preview(version, QueryParameters.integer("page", page, 0, 0, Page.MAX_PAGE),
                QueryParameters.integer("size", size, 50, 1, 500));
    }

    @POST
    @RolesAllowed(Roles.ANALYST)
    @Path("/{version}/activate")
    @Operation(summary = "Activate atomically, then re-evaluate every claim; activating an earlier version is a rollback",
            description = "The body may be left out (the same as {}). Refused (409) while scenarios fail, unless"
                    + " {force: true, reason}. Each change is recorded in"
                    + " the claims' history with cause \"ruleset vN activated\".")
    public ActivationResult activate(@PathParam("version") int version, @Valid Activation request) {
        // An empty JSON body is the plain case too: activate, not forced.
        return activations.activate(version, request == null ? new Activation(false, null) : request, caller());
    }

    /** `curl -X POST .../activate`: no body and no type, the plain case. A body of another type is refused, not ignored. */
    @POST
    @RolesAllowed(Roles.ANALYST)
    @Path("/{version}/activate")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public ActivationResult activateWithoutBody(@PathParam("version") int version, InputStream body) throws IOException {
        if (body != null && body.read() != -1) {
            throw new InvalidInput("send the activation as application/json ({force, reason}), or no body at all");
        }
        return activations.activate(version, new Activation(false, null), caller());
    }

    @GET
    @Path("/{version}/outline")
    @Operation(summary = "The ruleset as the desk reads it: the status table in precedence order, the flags, the other rules",
            description = "Made from the version's rules as Drools parses them: each row's status and precedence from the"
                    + " StatusCandidate its rule inserts, each flag from its FlagRaised, and the facts each rule's"
                    + " conditions look at, one line each.")
    public PolicyOutline.Outline outline(@PathParam("version") int version) {
        return PolicyOutline.of(version, versions.get(version).files(),
                checks.lastCheck(version).map(DraftChecks.Check::tests).orElse(null));
    }

    @GET
    @Path("/{version}/diff")
    @Operation(summary = "Per-file unified diff of this version against another")
    public List<FileDiff> diff(@PathParam("version") int version, @QueryParam("against") String against) {
        return versions.diff(version, QueryParameters.requiredInteger("against", against, 1, Integer.MAX_VALUE,
                "the version to compare with"));
    }
}
