package io.claimtrack.operations;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import io.claimtrack.claim.ClaimResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Submissions (POST /api/claims) by outcome, for /q/metrics: stored, replayed from an Idempotency-Key, or refused
 * (any 4xx: a field at fault, a contradiction, a limit). Counted where the answer leaves, so a refusal before
 * the resource method (a body that is not JSON) counts too.
 */
@Provider
public class SubmissionMetrics implements ContainerResponseFilter {

    private static final String SUBMIT = ClaimResource.class.getSimpleName() + ".submit";

    private final Counter stored;
    private final Counter replayed;
    private final Counter refused;

    @Context
    ResourceInfo resource;

    public SubmissionMetrics(MeterRegistry registry) {
        stored = counter(registry, "stored");
        replayed = counter(registry, "replayed");
        refused = counter(registry, "refused");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("claimtrack.submissions").tag("outcome", outcome)
                .description("Claims submitted through POST /api/claims, by outcome").register(registry);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!SUBMIT.equals(MatchedResource.of(resource))) {
            return;
        }
        int status = response.getStatus();
        if (status >= 400 && status < 500) {
            refused.increment();
        } else if (status < 300 && response.getHeaderString("Idempotent-Replayed") != null) {
            replayed.increment();
        } else if (status < 300) {
            stored.increment();
        }
    }
}
