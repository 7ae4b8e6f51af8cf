package io.claimtrack.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.claimtrack.claim.ActorEntity;
import io.claimtrack.claim.ActorService;
import io.claimtrack.claim.ClaimEntity;
import io.claimtrack.claim.ClaimService;
import io.claimtrack.claim.NewClaim;
import io.quarkus.runtime.StartupEvent;

/**
 * On first start with an empty database, loads the seed article's actors and claims through the same
 * services as the API, so the demo's statuses and history are produced exactly as a submission's would be.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    static final String RESOURCE = "/demo/moscow-times-2015-09-30.json";
    static final String LOADED_BY = "demo data";

    private final ActorService actors;
    private final ClaimService claims;
    private final ObjectMapper json;
    private final boolean enabled;

    public DemoDataLoader(ActorService actors, ClaimService claims, ObjectMapper json,
                          @ConfigProperty(name = "claimtrack.demo-data.enabled") boolean enabled) {
        this.actors = actors;
        this.claims = claims;
        this.json = json;
        this.enabled = enabled;
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        if (!enabled || ActorEntity.count() > 0 || ClaimEntity.count() > 0) {
            return;
        }
        DemoData demo = read();
        demo.actors().forEach(actor -> actors.register(actor, LOADED_BY));
        Map<String, Long> idByRef = new HashMap<>();
        for (DemoData.DemoClaim claim : demo.claims()) {
            ClaimEntity stored = claims.submit(new NewClaim(claim.text(), claim.claimant(), claim.topic(),
                    claim.assertedAt(), claim.source(), claim.quote(), idOf(claim.disputes(), idByRef),
                    idOf(claim.supports(), idByRef), idOf(claim.retracts(), idByRef)), LOADED_BY);
            idByRef.put(claim.ref(), stored.id);
        }
        LOG.infof("Demo data loaded from %s: %d actors, %d claims", RESOURCE, demo.actors().size(), demo.claims().size());
    }

    private DemoData read() {
        try (InputStream in = DemoDataLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Demo data " + RESOURCE + " is missing from the application");
            }
            return json.readValue(in, DemoData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo data " + RESOURCE, e);
        }
    }

    private static Long idOf(String ref, Map<String, Long> idByRef) {
        if (ref == null) {
            return null;
        }
        Long id = idByRef.get(ref);
        if (id == null) {
            throw new IllegalStateException("Demo data: claim ref \"" + ref + "\" is not an earlier claim of the file");
        }
        return id;
    }
}
