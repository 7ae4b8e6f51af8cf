package io.claimtrack.status;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Flow.Processor;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.claimtrack.store.ClusterNotifications;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Committed status changes, from every instance on the database, for the pages that show them live. Each
 * change recorded here is sent with its transaction to all instances (see {@link ClusterNotifications}).
 */
@ApplicationScoped
@Startup // listening from the start, whether or not a page is open yet
public class LiveChanges {

    static final String CHANNEL = "claimtrack_status_changed";
    private static final Logger LOG = Logger.getLogger(LiveChanges.class);

    private final ClusterNotifications notifications;
    private final ObjectMapper json;
    // Serialized: changes arrive on committing threads and on the listener's at once.
    private final Processor<StatusChanged, StatusChanged> changes = BroadcastProcessor.<StatusChanged>create().serialized();

    public LiveChanges(ClusterNotifications notifications, ObjectMapper json) {
        this.notifications = notifications;
        this.json = json;
    }

    @PostConstruct
    void listen() {
        notifications.receive(CHANNEL, this::received);
    }

    /** Every committed change, here and elsewhere. */
    public Multi<StatusChanged> stream() {
        return Multi.createFrom().publisher(changes);
    }

    void onRecorded(@Observes(during = TransactionPhase.IN_PROGRESS) StatusChanged change) {
        notifications.send(CHANNEL, payload(change));
    }

    /** The change as JSON within a notification's size: a long explanation is cut (the page links to the claim). */
    private String payload(StatusChanged change) {
        try {
            String payload = json.writeValueAsString(change);
            int excess = payload.getBytes(StandardCharsets.UTF_8).length - ClusterNotifications.MAX_PAYLOAD_BYTES;
            if (excess > 0 && change.explanation() != null) {
                String explanation = change.explanation();
                // Each character is at least a byte: dropping as many characters as bytes in excess (and three
                // for the ellipsis) is short enough whatever the script. A surrogate pair is not split.
                int end = Math.max(0, explanation.length() - excess - 3);
                if (end > 0 && Character.isHighSurrogate(explanation.charAt(end - 1))) {
                    end--;
                }
                String cut = explanation.substring(0, end) + "…";
                payload = json.writeValueAsString(new StatusChanged(change.claimId(), change.status(),
                        change.previousStatus(), change.flags(), change.previousFlags(), change.rule(), cut, change.cause()));
            }
            return payload;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a status change could not be written as JSON", e);
        }
    }

    private void received(String payload) {
        try {
            changes.onNext(json.readValue(payload, StatusChanged.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("A status change notification was not understood: %s", e.getMessage());
        }
    }
}
