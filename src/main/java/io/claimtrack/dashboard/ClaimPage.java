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

    public ClaimPage(ClaimQueries queries, ReviewService reviews, RatingScale scale, VerdictService verdicts,
                     SecurityIdentity identity, CsrfToken csrf, Clock clock) {
        this.verdicts = verdicts;
        this.queries = queries;
        this.reviews = reviews;
        this.scale = scale;
        this.identity = identity;
        this.csrf = csrf;
        this.clock = clock;
    }

    /** The page now or as of {@code asOfParam} (event time); {@code reviewError} is a refused review step's reason. */
    public TemplateInstance render(long id, String asOfParam, String reviewError) {
        return render(id, asOfParam, reviewError, null);
    }

    /** The same, with {@code evidenceError}, a refused change of evidence. */
    public TemplateInstance render(long id, String asOfParam, String reviewError, String evidenceError) {
        return render(id, asOfParam, reviewError, evidenceError, null);
    }

    /** The same, with {@code verdictError}, a refused verdict. */
    public TemplateInstance render(long id, String asOfParam, String reviewError, String evidenceError,
                                   String verdictError) {
        return render(id, asOfParam, reviewError, evidenceError, verdictError, null);
    }

    /** The same, with {@code correctionError}, a refused correction. */
    public TemplateInstance render(long id, String asOfParam, String reviewError, String evidenceError,
                                   String verdictError, String correctionError) {
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
        CorrectionPanel correction = new CorrectionPanel(canCorrect, canCorrect ? csrf.value() : null, correctionError);
        return Templates.claim(identity.isAnonymous() ? null : identity.getPrincipal().getName(), view,
                ThreadTree.of(queries.thread(view.thread(), asOf)),
                queries.timeline(id).stream().filter(t -> asOf == null || !t.at().isAfter(asOf)).toList(),
                queries.history(id).stream().filter(h -> asOf == null || !h.at().isAfter(asOf)).toList(),
                asOf == null ? null : LocalDateTime.ofInstant(asOf, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString(),
                panel, evidence, verdictPanel, correction);
    }
}
