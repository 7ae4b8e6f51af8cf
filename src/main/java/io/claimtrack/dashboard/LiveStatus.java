package io.claimtrack.dashboard;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestStreamElementType;

import io.claimtrack.status.LiveChanges;
import io.claimtrack.status.StatusChanged;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;

/** Server-Sent Events: every committed status change, made through any instance, so open pages update without a reload. */
@ApplicationScoped
@io.quarkus.runtime.Startup // its clients' gauge is there (at 0) before the first page follows
@Path("/events")
public class LiveStatus {

    private final LiveChanges changes;
    private final AtomicInteger clients = new AtomicInteger();

    public LiveStatus(LiveChanges changes, MeterRegistry registry) {
        this.changes = changes;
        Gauge.builder("claimtrack.live.clients", clients, AtomicInteger::get)
                .description("Pages following status changes live (/events)").register(registry);
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<StatusChanged> stream() {
        // Each page gets its own bounded buffer: a slow page falls behind without holding the others back.
        return changes.stream().onOverflow().buffer(1_000)
                .onSubscription().invoke(subscription -> clients.incrementAndGet())
                .onTermination().invoke(clients::decrementAndGet);
    }
}
