package io.claimtrack.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestStreamElementType;

import io.claimtrack.status.StatusChanged;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/** Server-Sent Events: every committed status change, so open pages update without a reload. */
@ApplicationScoped
@Path("/events")
public class LiveStatus {

    private final BroadcastProcessor<StatusChanged> changes = BroadcastProcessor.create();

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatusChanged change) {
        changes.onNext(change);
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<StatusChanged> stream() {
        // Each page gets its own bounded buffer: a slow page falls behind without holding the others back.
        return changes.onOverflow().buffer(1_000);
    }
}
