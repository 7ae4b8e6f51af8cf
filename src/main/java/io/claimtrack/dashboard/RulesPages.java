package io.claimtrack.dashboard;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.claimtrack.authoring.Activation;
import io.claimtrack.authoring.ActivationResult;
import io.claimtrack.authoring.Activations;
import io.claimtrack.authoring.DraftChecks;
import io.claimtrack.authoring.Drafts;
import io.claimtrack.authoring.NewRuleset;
import io.claimtrack.authoring.PolicyOutline;
import io.claimtrack.authoring.RulesetVersions;
import io.claimtrack.authoring.RulesetView;
import io.claimtrack.problem.ProblemMappers;
import io.claimtrack.refusal.Refusal;
import io.claimtrack.rules.RuleProblem;
import io.claimtrack.user.Roles;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The analysts' rule pages: write a draft over the active files, check it (its problems at their lines,
 * its scenario results, the preview of what it would change), then activate it or roll back. Every step
 * goes through the same services as the API. Viewing a page changes nothing and runs nothing: a check
 * is an action (creating a draft runs one), stored and shown until the next.
 */
@Path("/rules")
@Produces(MediaType.TEXT_HTML)
public class RulesPages {

    private final RulesetVersions versions;
    private final Drafts drafts;
    private final DraftChecks checks;
    private final Activations activations;
    private final SecurityIdentity identity;
    private final CsrfToken csrf;

    public RulesPages(RulesetVersions versions, Drafts drafts, DraftChecks checks,
                      Activations activations, SecurityIdentity identity, CsrfToken csrf) {
        this.versions = versions;
        this.drafts = drafts;
        this.checks = checks;
        this.activations = activations;
        this.identity = identity;
        this.csrf = csrf;
    }

    /** The active policy, every version, the audit trail; for a signed-in analyst, a draft editor. */
    @GET
    public TemplateInstance rules() {
        String user = identity.isAnonymous() ? null : identity.getPrincipal().getName();
        return Templates.rules(user, identity.hasRole(Roles.ANALYST), csrf.value(), versions.active().orElse(null),
                versions.list(), versions.audit(50));
    }

    /** One line of a file, with the problems Drools or the safety policy found on it. */
    public record Line(int number, String text, List<String> problems) {
    }

    @POST
    @Path("drafts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createDraft(MultivaluedMap<String, String> form) {
        if (!identity.hasRole(Roles.ANALYST)) {
            return Response.seeOther(URI.create("/login")).build();
        }
        csrf.verify(form.getFirst(CsrfToken.NAME));
        Map<String, String> files = new TreeMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("file:") && !values.isEmpty()) {
                files.put(name.substring(5), values.get(0).replace("\r\n", "\n"));
            }
        });
        RulesetView draft = drafts.create(new NewRuleset(form.getFirst("note"), null, files, null), analyst());
        checks.check(draft.version(), analyst());
        return Response.seeOther(URI.create("/rules/" + draft.version())).build();
    }

    /** The version as the desk reads it: its status table, flags and other rules, made from the rules. */
    @GET
    @Path("{version}/outline")
    public TemplateInstance outline(@PathParam("version") int version) {
        return Templates.outline(identity.isAnonymous() ? null : identity.getPrincipal().getName(),
                PolicyOutline.of(version, versions.get(version).files(),
                        checks.lastCheck(version).map(DraftChecks.Check::tests).orElse(null)));
    }

    /** A version with its files and its last check: readable by whoever may read the API's /api/rulesets/{v}. */
    @GET
    @Path("{version}")
    public Object version(@PathParam("version") int version) {
        return render(version, null);
    }

    /** Validates, tests and previews the version again (the database may have moved since the last check). */
    @POST
    @Path("{version}/check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response check(@PathParam("version") int version, MultivaluedMap<String, String> form) {
        if (!identity.hasRole(Roles.ANALYST)) {
            return Response.seeOther(URI.create("/login")).build();
        }
        csrf.verify(form.getFirst(CsrfToken.NAME));
        versions.get(version); // an unknown version is refused before anything runs
        checks.check(version, analyst());
        return Response.seeOther(URI.create("/rules/" + version)).build();
    }

    @POST
    @Path("{version}/activate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object activate(@PathParam("version") int version, MultivaluedMap<String, String> form) {
        if (!identity.hasRole(Roles.ANALYST)) {
            return Response.seeOther(URI.create("/login")).build();
        }
        csrf.verify(form.getFirst(CsrfToken.NAME));
        try {
            ActivationResult result = activations.activate(version,
                    new Activation("on".equals(form.getFirst("force")), form.getFirst("reason")), analyst());
            return render(version, result.cause() + ": " + result.changed() + " claims changed status or flags.");
        } catch (Refusal e) {
            return Response.status(ProblemMappers.statusOf(e)).entity(render(version, "Not activated: " + Refused.said(e)))
                    .build();
        }
    }

    private String analyst() {
        return identity.getPrincipal().getName();
    }

    /** The version and its last stored check, if any. */
    private TemplateInstance render(int version, String message) {
        RulesetView shown = versions.get(version);
        DraftChecks.Check check = checks.lastCheck(version).orElse(null);
        List<RuleProblem> problems = check == null ? List.of() : check.validation().problems();
        Map<String, List<Line>> files = new TreeMap<>();
        shown.files().forEach((name, drl) -> files.put(name, lines(name, drl, problems)));
        List<RuleProblem> elsewhere = problems.stream()
                .filter(p -> p.file().isEmpty() || p.line() <= 0 || !shown.files().containsKey(p.file())).toList();
        String user = identity.isAnonymous() ? null : identity.getPrincipal().getName();
        Integer active = versions.active().map(RulesetView::version).orElse(null);
        return Templates.ruleset(user, identity.hasRole(Roles.ANALYST), active, shown, files, check, check == null ? null : check.validation(), elsewhere,
                check == null ? null : check.tests(), check == null ? null : check.preview(), message, csrf.value());
    }

    private static List<Line> lines(String file, String drl, List<RuleProblem> problems) {
        String[] text = drl.split("\n", -1);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < text.length; i++) {
            int number = i + 1;
            lines.add(new Line(number, text[i], problems.stream()
                    .filter(p -> p.file().equals(file) && p.line() == number)
                    .map(p -> (p.column() > 0 ? "column " + p.column() + ": " : "")
                            + (p.severity() == RuleProblem.Severity.WARNING ? "warning: " : "") + p.message()).toList()));
        }
        return lines;
    }
}
