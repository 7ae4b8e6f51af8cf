package io.claimtrack.guard;

import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * claimtrack's pages load only claimtrack's own scripts and styles, post forms only to claimtrack, and
 * cannot be framed. Applied to every response of the application's own endpoints (pages and API);
 * Quarkus' Swagger UI, which needs an inline script, is served outside them.
 */
public class ContentSecurityPolicy {

    static final String POLICY = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none';"
            + " object-src 'none'";

    @ServerResponseFilter
    public void addPolicy(ContainerResponseContext response) {
        response.getHeaders().putSingle("Content-Security-Policy", POLICY);
    }
}
