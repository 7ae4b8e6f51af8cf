package io.claimtrack.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.claimtrack.claim.ClaimQueries;
import io.claimtrack.imports.ImportJobs;
import io.claimtrack.imports.ImportView;
import io.claimtrack.store.JobLeases;
import io.quarkus.runtime.StartupEvent;

/**
 * On first start with an empty database, imports the seed article's actors and claims (The Moscow Times,
 * 30 September 2015; see the README) as any NDJSON import is run: refs resolved the import's way, each
 * line checked and stored through the same services as the API. The article gives the date but not the
 * hour of each statement: the hours in the file only keep them in the article's order.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    static final String RESOURCE = "/demo/moscow-times-2015-09-30.ndjson";
    static final String LOADED_BY = "demo data";

    private final ImportJobs imports;
    private final ClaimQueries claims;
    private final JobLeases leases;
    private final boolean enabled;

    public DemoDataLoader(ImportJobs imports, ClaimQueries claims, JobLeases leases,
                          @ConfigProperty(name = "claimtrack.demo-data.enabled") boolean enabled) {
        this.imports = imports;
        this.claims = claims;
        this.leases = leases;
        this.enabled = enabled;
    }

    /** Instances started together on one empty database load it once: the first to claim the lease does. */
    void onStart(@Observes StartupEvent start) {
        if (!enabled || !claims.storeIsEmpty() || !leases.claim(JobLeases.DEMO_DATA, Duration.ofMinutes(10))) {
            return;
        }
        if (!claims.storeIsEmpty()) {
            return; // another instance loaded it and let go of the lease in between
        }
        try (InputStream in = DemoDataLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Demo data " + RESOURCE + " is missing from the application");
            }
            ImportView job = imports.runNow(in, LOADED_BY);
            if (job.rejected() > 0) {
                throw new IllegalStateException("Demo data " + RESOURCE + ": " + job.rejected() + " lines rejected: "
                        + job.errors());
            }
            LOG.infof("Demo data loaded from %s (import #%d): %d lines", RESOURCE, job.id(), job.stored());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo data " + RESOURCE, e);
        }
    }
}
