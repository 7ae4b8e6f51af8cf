package io.claimtrack.dashboard;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.transaction.Transactional;
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
import io.claimtrack.authoring.AuditEntry;
import io.claimtrack.authoring.RulesetAuditEntity;
import io.claimtrack.authoring.ActivationResult;
import io.claimtrack.authoring.NewRuleset;
import io.claimtrack.authoring.Preview;
import io.claimtrack.authoring.RulesetEntity;
import io.claimtrack.authoring.RulesetService;
import io.claimtrack.authoring.TestRun;
import io.claimtrack.authoring.Validation;
import io.claimtrack.rules.RuleProblem;
import io.claimtrack.user.Roles;
import io.claimtrack.problem.ProblemMappers;
import io.claimtrack.refusal.Refusal;
import io.claimtrack.refusal.NotFound;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The analysts' rule pages: write a draft over the active files, see its problems at their lines, its
 * scenario results and the preview of what it would change, then activate it or roll back. Every step
 * goes through RulesetService, like the API.
 */
@Path("/rules")
@Produces(MediaType.TEXT_HTML)
public class RulesPages {

    private final Template rules;
    private final Template ruleset;
    private final RulesetService rulesets;
    private final SecurityIdentity identity;
    private final CsrfToken csrf;

    public RulesPages(Template rules, Template ruleset, RulesetService rulesets, SecurityIdentity identity,
                      CsrfToken csrf) {
        this.rules = rules;
        this.ruleset = ruleset;
        this.rulesets = rulesets;
        this.identity = identity;
        this.csrf = csrf;
    }

    /** The active policy, every version, the audit trail; for a signed-in analyst, a draft editor. */
    @GET
    @Transactional
    public TemplateInstance rules() {
        String user = identity.isAnonymous() ? null : identity.getPrincipal().getName();
        return rules.data("user", user).data("analyst", identity.hasRole(Roles.ANALYST)).data("csrf", csrf.value())
                .data("active", RulesetEntity.active().orElse(null))
                .data("versions", RulesetEntity.listAll(Sort.descending("version")))
                .data("audit", RulesetAuditEntity.<RulesetAuditEntity>listAll(Sort.descending("id")).stream()
                        .limit(50).map(AuditEntry::of).toList());
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
        RulesetEntity draft = rulesets.create(new NewRuleset(form.getFirst("note"), null, files, null),
                identity.getPrincipal().getName());
        return Response.seeOther(URI.create("/rules/" + draft.version)).build();
    }

    @GET
    @Path("{version}")
    public Object version(@PathParam("version") int version) {
        if (!identity.hasRole(Roles.ANALYST)) {
            return Response.seeOther(URI.create("/login")).build();
        }
        return render(version, null);
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
            ActivationResult result = rulesets.activate(version,
                    new Activation("on".equals(form.getFirst("force")), form.getFirst("reason")),
                    identity.getPrincipal().getName());
            return render(version, result.cause() + ": " + result.changed() + " claims changed status or flags.");
        } catch (Refusal e) {
            return Response.status(ProblemMappers.statusOf(e)).entity(render(version, "Not activated: " + e.getMessage()
                    + (e.errors().isEmpty() ? "" : " — " + e.errors().get(0).field() + ": " + e.errors().get(0).message())))
                    .build();
        }
    }

    private TemplateInstance render(int version, String message) {
        RulesetEntity shown = entity(version);
        Validation validation = rulesets.validate(version, identity.getPrincipal().getName());
        TestRun tests = validation.valid() ? rulesets.test(version) : null;
        Preview preview = validation.valid() ? rulesets.preview(version, 0, 50) : null;
        Map<String, List<Line>> files = new TreeMap<>();
        shown.files.forEach((name, drl) -> files.put(name, lines(name, drl, validation.problems())));
        List<RuleProblem> elsewhere = validation.problems().stream()
                .filter(p -> p.file().isEmpty() || p.line() <= 0 || !shown.files.containsKey(p.file())).toList();
        return ruleset.data("user", identity.getPrincipal().getName()).data("r", shown).data("files", files)
                .data("validation", validation).data("elsewhere", elsewhere).data("tests", tests)
                .data("preview", preview).data("message", message).data("csrf", csrf.value());
    }

    private static RulesetEntity entity(int version) {
        RulesetEntity found = RulesetEntity.findById(version);
        if (found == null) {
            throw NotFound.of("ruleset version", version);
        }
        return found; // files are fetched eagerly
    }

    private static List<Line> lines(String file, String drl, List<RuleProblem> problems) {
        String[] text = drl.split("\n", -1);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < text.length; i++) {
            int number = i + 1;
            lines.add(new Line(number, text[i], problems.stream()
                    .filter(p -> p.file().equals(file) && p.line() == number)
                    .map(p -> (p.column() > 0 ? "column " + p.column() + ": " : "") + p.message()).toList()));
        }
        return lines;
    }
}
