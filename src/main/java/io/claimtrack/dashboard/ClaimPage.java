package io.claimtrack.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;

import io.claimtrack.claim.ClaimQueries;
import io.claimtrack.claim.ClaimView;
import io.claimtrack.publishing.ClaimReviewDocuments;
import io.claimtrack.rating.RatingScale;
import io.claimtrack.review.ReviewService;
import io.claimtrack.time.Instants;
import io.claimtrack.user.Roles;
import io.claimtrack.verdict.VerdictService;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/** A claim's page: the claim, its standing and why, the desk's review panel, its thread, timeline and history. */
@RequestScoped
public class ClaimPage {

    private final ClaimQueries queries;
    private final ReviewService reviews;
    private final RatingScale scale;
    private final VerdictService verdicts;
    private final SecurityIdentity identity;
    private final CsrfToken csrf;
    private final Clock clock;
    private final ClaimReviewDocuments claimReviews;

    public ClaimPage(ClaimQueries queries, ReviewService reviews, RatingScale scale, VerdictService verdicts,
                     SecurityIdentity identity, CsrfToken csrf, Clock clock, ClaimReviewDocuments claimReviews) {
        this.claimReviews = claimReviews;
        this.verdicts = verdicts;
        this.queries = queries;
        this.reviews = reviews;
        this.scale = scale;
        this.identity = identity;
        this.csrf = csrf;
        this.clock = clock;
    }

    /** The panels of the page whose forms change something; a refusal is shown in the panel its form is in. */
    public enum Panel {
        REVIEW("review"), EVIDENCE("evidence"), VERDICTS("verdicts"), CORRECTION("correct"), MERGE("merge");

        /** The panel's id on the page, for sending the browser back to it. */
        final String anchor;

        Panel(String anchor) {
            this.anchor = anchor;
        }
    }

    /** The page now or as of {@code asOfParam} (event time). */
    public TemplateInstance render(long id, String asOfParam) {
        return render(id, asOfParam, null, null);
    }

    /** The page now, with {@code error}, a refused form's reason, shown in {@code panel}. */
    public TemplateInstance render(long id, Panel panel, String error) {
        return render(id, null, panel, error);
    }

    private TemplateInstance render(long id, String asOfParam, Panel refused, String error) {
        String reviewError = refused == Panel.REVIEW ? error : null;
        String evidenceError = refused == Panel.EVIDENCE ? error : null;
        String verdictError = refused == Panel.VERDICTS ? error : null;
        String correctionError = refused == Panel.CORRECTION ? error : null;
        Instant asOf = Instants.parsePast("asOf", asOfParam, clock);
        ClaimView view = queries.get(id, asOf, null);
        boolean editor = identity.hasRole(Roles.EDITOR);
        String user = identity.isAnonymous() ? null : identity.getPrincipal().getName();
        boolean canAdd = asOf == null && (editor || identity.hasRole(Roles.SUBMITTER));
        EvidencePanel evidence = new EvidencePanel(user, canAdd, editor, canAdd ? csrf.value() : null, evidenceError);
        boolean analyst = asOf == null && identity.hasRole(Roles.ANALYST);
        VerdictPanel verdictPanel = new VerdictPanel(verdicts.onClaim(id), analyst, analyst ? csrf.value() : null,
                verdictError);
        ReviewPanel panel = new ReviewPanel(reviews.of(id, asOf), editor && asOf == null,
                editor ? reviews.editors() : List.of(), scale.ratings(), editor ? csrf.value() : null,
                reviewError);
        boolean canCorrect = asOf == null && user != null
                && (editor || (identity.hasRole(Roles.SUBMITTER) && user.equalsIgnoreCase(view.recordedBy())));
        boolean canMerge = asOf == null && editor;
        CorrectionPanel correction = new CorrectionPanel(canCorrect, canMerge,
                canCorrect || canMerge ? csrf.value() : null, correctionError, refused == Panel.MERGE ? error : null,
                asOf == null ? queries.lookAlikes(id) : List.of());
        return Templates.claim(identity.isAnonymous() ? null : identity.getPrincipal().getName(), view,
                ThreadTree.of(queries.thread(view.thread(), asOf)),
                queries.timeline(id).stream().filter(t -> asOf == null || !t.at().isAfter(asOf)).toList(),
                queries.history(id).stream().filter(h -> asOf == null || !h.at().isAfter(asOf)).toList(),
                asOf == null ? null : LocalDateTime.ofInstant(asOf, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString(),
                panel, evidence, verdictPanel, correction, asOf == null ? claimReviews.embeddable(id).orElse(null) : null);
    }
}
