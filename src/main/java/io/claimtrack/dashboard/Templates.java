package io.claimtrack.dashboard;

import java.util.List;
import java.util.Map;

import io.claimtrack.authoring.AuditEntry;
import io.claimtrack.authoring.DraftChecks;
import io.claimtrack.authoring.Preview;
import io.claimtrack.authoring.RulesetView;
import io.claimtrack.authoring.TestRun;
import io.claimtrack.authoring.Validation;
import io.claimtrack.claim.ActorHistoryEntry;
import io.claimtrack.claim.ActorView;
import io.claimtrack.claim.ClaimView;
import io.claimtrack.claim.Page;
import io.claimtrack.claim.RecentChange;
import io.claimtrack.claim.TimelineEntry;
import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;
import io.claimtrack.facts.ReviewState;
import io.claimtrack.review.ReviewQueue;
import io.claimtrack.rules.RuleProblem;
import io.claimtrack.status.HistoryEntry;
import io.claimtrack.status.Stats;
import io.claimtrack.status.StatusCounts;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The pages' templates, type-checked when the application is built: each template's parameters are
 * declared here, and every expression in it must resolve against their types. {@code user} is the
 * signed-in user's name, or null, for the layout's header.
 */
@CheckedTemplate
public final class Templates {

    private Templates() {
    }

    public static native TemplateInstance overview(String user, Stats stats, List<StatusCounts.Day> days,
                                                   Overview.Chart chart, List<RecentChange> changes,
                                                   List<ClaimView> contested);

    public static native TemplateInstance claims(String user, Page<ClaimView> page, List<ClaimView> items,
                                                 ClaimStatus[] statuses, Flag[] flags, int pageNumber, Integer previous,
                                                 Integer next, String status, String flag, String claimant,
                                                 String topic, String q, String sort, int pages,
                                                 ReviewState[] reviewStates, String review);

    public static native TemplateInstance claim(String user, ClaimView c, ThreadTree tree, List<TimelineEntry> timeline,
                                                List<HistoryEntry> history, String asOf, ReviewPanel p, EvidencePanel ev,
                                                VerdictPanel vp, CorrectionPanel cp, String claimReview);

    public static native TemplateInstance reviews(String user, List<ReviewQueue.Item> items,
                                                  Map<ReviewState, Long> counts, ReviewState[] states, String state,
                                                  boolean mine, Map<String, Long> ratings);

    public static native TemplateInstance actors(String user, List<ActorView> actors);

    public static native TemplateInstance actor(String user, ActorView a, List<ClaimView> claims,
                                                List<ActorPage.Dispute> disputes, List<ActorHistoryEntry> history,
                                                ActorPage.Forms forms);

    public static native TemplateInstance submit(String user, ClaimForm form, Map<String, String> errors, String csrf,
                                                 List<String> actorNames);

    public static native TemplateInstance login(String user, boolean error);

    public static native TemplateInstance outline(String user, io.claimtrack.authoring.PolicyOutline.Outline o);

    public static native TemplateInstance imports(String user, List<io.claimtrack.imports.ImportView> jobs);

    public static native TemplateInstance webhooks(String user, List<WebhookPages.Listed> listed,
                                                   List<io.claimtrack.webhook.WebhookEvent> events, String csrf,
                                                   String error);

    public static native TemplateInstance rules(String user, boolean analyst, String csrf, RulesetView active,
                                                List<RulesetView> versions, List<AuditEntry> audit);

    public static native TemplateInstance ruleset(String user, boolean analyst, Integer activeVersion, RulesetView r,
                                                  Map<String, List<RulesPages.Line>> files,
                                                  DraftChecks.Check check, Validation validation,
                                                  List<RuleProblem> elsewhere, TestRun tests, Preview preview,
                                                  String message, String csrf);
}
