package io.claimtrack.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestStreamElementType;

import io.claimtrack.status.LiveChanges;
import io.claimtrack.status.StatusChanged;
import io.smallrye.mutiny.Multi;

/** Server-Sent Events: every committed status change, made through any instance, so open pages update without a reload. */
@ApplicationScoped
@Path("/events")
public class LiveStatus {

    private final LiveChanges changes;

    public LiveStatus(LiveChanges changes) {
        this.changes = changes;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<StatusChanged> stream() {
        // Each page gets its own bounded buffer: a slow page falls behind without holding the others back.
        return changes.stream().onOverflow().buffer(1_000);
    }
}
