package io.claimtrack.dashboard;

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.claimtrack.problem.ProblemMappers;
import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.refusal.Refusal;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * How every form of a claim's page is taken, whatever its panel: a signed-in user (else the sign-in page), a
 * valid CSRF token, one of the roles the change needs; then back to the panel, or, when the service refuses,
 * the page again with the reason in that panel and the refusal's status (403 for a missing role).
 */
@RequestScoped
public class ClaimPageForms {

    private final SecurityIdentity identity;
    private final CsrfToken csrf;
    private final ClaimPage claimPage;

    public ClaimPageForms(SecurityIdentity identity, CsrfToken csrf, ClaimPage claimPage) {
        this.identity = identity;
        this.csrf = csrf;
        this.claimPage = claimPage;
    }

    /** Runs {@code change} with the signed-in user's name, through the same services and checks as the API. */
    Object submit(long claimId, ClaimPage.Panel panel, MultivaluedMap<String, String> form, List<String> roles,
                  Consumer<String> change) {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        csrf.verify(form.getFirst(CsrfToken.NAME));
        boolean allowed = roles.stream().anyMatch(identity::hasRole);
        try {
            if (!allowed) {
                throw new InvalidInput("Your roles do not allow this (" + String.join(" or ", roles) + " needed)");
            }
            change.accept(identity.getPrincipal().getName());
            return Response.seeOther(URI.create("/claims/" + claimId + "#" + panel.anchor)).build();
        } catch (Refusal e) {
            return Response.status(allowed ? ProblemMappers.statusOf(e) : 403)
                    .entity(claimPage.render(claimId, panel, "Not done: " + Refused.said(e))).build();
        }
    }

    /** A form's claim id field: none when empty, a refusal naming the field when it is no claim id. */
    static Long claimId(MultivaluedMap<String, String> form, String name) {
        return id(form, name, "claim");
    }

    /** A form's id field of a claim or an actor ({@code what}): none when empty, a refusal when it is no id. */
    static Long id(MultivaluedMap<String, String> form, String name, String what) {
        String value = value(form, name);
        if (value == null) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip().replaceFirst("^#", ""));
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InvalidInput(name, "must be " + ("actor".equals(what) ? "an" : "a") + " " + what + " id, such as 12 (was \""
                + value.strip() + "\")");
    }

    /** A form's field as the services take it: an empty input is no value. */
    static String value(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value;
    }
}
