package io.claimtrack.operations;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

/**
 * One log line per request that changes data (category {@code io.claimtrack.changes}): who, which action, the
 * request's method and path (the ids are in it), the answer and where the new thing is. Never a body or a query
 * string, so no password, secret or key reaches the log. Refusals change nothing and are logged at DEBUG only.
 */
@Provider
public class ChangeLog implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger("io.claimtrack.changes");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (READS.contains(request.getMethod())) {
            return;
        }
        boolean changed = response.getStatus() < 400;
        if (!changed && !LOG.isDebugEnabled()) {
            return;
        }
        String user = request.getSecurityContext() == null || request.getSecurityContext().getUserPrincipal() == null
                ? "anonymous" : request.getSecurityContext().getUserPrincipal().getName();
        String matched = MatchedResource.of(resource);
        String action = matched == null ? "-" : matched;
        String location = response.getHeaderString("Location");
        // The raw (still percent-encoded) path: a decoded one could carry a line break into the log.
        LOG.logf(changed ? Logger.Level.INFO : Logger.Level.DEBUG, "user=%s action=%s request=\"%s %s\" status=%d%s",
                user, action, request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(),
                response.getStatus(), location == null ? "" : " location=" + location);
    }
}
