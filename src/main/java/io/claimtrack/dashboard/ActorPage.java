package io.claimtrack.dashboard;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.claimtrack.claim.ActorService;
import io.claimtrack.claim.ActorView;
import io.claimtrack.claim.ClaimFilter;
import io.claimtrack.claim.ClaimQueries;
import io.claimtrack.claim.ClaimView;
import io.claimtrack.claim.Page;
import io.claimtrack.facts.ActorKind;
import io.claimtrack.problem.ProblemMappers;
import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.refusal.Refusal;
import io.claimtrack.user.Roles;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * An actor's page: who they are, their claims and whom they dispute, the history of changes to them, and for an
 * editor the forms that correct, alias and merge them, with the last refusal in place.
 */
@ApplicationScoped
public class ActorPage {

    private final ActorService actors;
    private final ClaimQueries queries;
    private final SecurityIdentity identity;
    private final CsrfToken csrf;

    public ActorPage(ActorService actors, ClaimQueries queries, SecurityIdentity identity, CsrfToken csrf) {
        this.actors = actors;
        this.queries = queries;
        this.identity = identity;
        this.csrf = csrf;
    }

    /** A claim of the actor's that disputes another. */
    public record Dispute(ClaimView claim, ClaimView target) {
    }

    /** The editor's forms: shown to editors of an actor not merged away, with the last refusal. */
    public record Forms(boolean editor, String csrf, String error, List<ActorKind> kinds) {
    }

    TemplateInstance render(long id, String error) {
        ActorView found = actors.get(id);
        List<ClaimView> own = queries.list(ClaimFilter.parse(null, null, found.name(), null, null, null), 0,
                Page.MAX_SIZE).items();
        Map<Long, ClaimView> targets = queries.current(own.stream().map(ClaimView::disputes).filter(Objects::nonNull).toList());
        List<Dispute> disputes = own.stream().filter(mine -> mine.disputes() != null)
                .map(mine -> new Dispute(mine, targets.get(mine.disputes()))).toList();
        boolean editor = identity.hasRole(Roles.EDITOR) && found.mergedInto() == null;
        return Templates.actor(identity.isAnonymous() ? null : identity.getPrincipal().getName(), found, own, disputes,
                actors.history(id), new Forms(editor, editor ? csrf.value() : null, error, List.of(ActorKind.values())));
    }

    /** A form of the page, posted: signed in, the CSRF token, an editor; back to the page, or the page with the refusal. */
    Object submit(long actorId, MultivaluedMap<String, String> form, Consumer<String> change) {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        csrf.verify(form.getFirst(CsrfToken.NAME));
        boolean allowed = identity.hasRole(Roles.EDITOR);
        try {
            if (!allowed) {
                throw new InvalidInput("Your roles do not allow this (EDITOR needed)");
            }
            change.accept(identity.getPrincipal().getName());
            return Response.seeOther(URI.create("/actors/" + actorId)).build();
        } catch (Refusal e) {
            return Response.status(allowed ? ProblemMappers.statusOf(e) : 403)
                    .entity(render(actorId, "Not done: " + Refused.said(e))).build();
        }
    }
}
