package io.claimtrack.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.claimtrack.claim.ActorChanges;
import io.claimtrack.claim.ActorService;
import io.claimtrack.claim.ClaimFilter;
import io.claimtrack.claim.NewAlias;
import io.claimtrack.claim.ClaimQueries;
import io.claimtrack.imports.ImportJobs;
import io.claimtrack.imports.ImportView;
import io.claimtrack.review.ReviewAction;
import io.claimtrack.review.ReviewService;
import io.claimtrack.review.ReviewStepRequest;
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
    private final ReviewService reviews;
    private final ActorService actors;
    private final ActorChanges changes;
    private final JobLeases leases;
    private final boolean enabled;
    private final String admin;

    public DemoDataLoader(ImportJobs imports, ClaimQueries claims, ReviewService reviews, ActorService actors,
                          ActorChanges changes, JobLeases leases,
                          @ConfigProperty(name = "claimtrack.demo-data.enabled") boolean enabled,
                          @ConfigProperty(name = "claimtrack.admin.username") String admin) {
        this.imports = imports;
        this.claims = claims;
        this.reviews = reviews;
        this.actors = actors;
        this.changes = changes;
        this.leases = leases;
        this.enabled = enabled;
        this.admin = admin;
    }

    /**
     * The desk's third axis in the demo: the review of Russia's claim, assigned to the first admin (the desk's
     * first editor), not yet rated: its standing, its evidence (the article) and a review in progress side by side.
     */
    private void reviewInProgress() {
        if (!reviews.editors().contains(admin)) {
            LOG.infof("Demo data: no review assigned, %s is not an editor", admin);
            return;
        }
        long russia = claims.list(ClaimFilter.parse(null, null, "Russia", null, "air strikes against Islamic State", null),
                0, 1).items().get(0).id();
        reviews.step(russia, ReviewAction.ASSIGN, new ReviewStepRequest(admin, null, null, null, null), LOADED_BY);
    }

    /** The article says "Moscow" for Russia's government: the desk knows it as an alias, so a claim may name it. */
    private void aliases() {
        actors.all().stream().filter(actor -> actor.name().equals("Russia")).findFirst()
                .ifPresent(russia -> changes.addAlias(russia.id(), new NewAlias("Moscow"), LOADED_BY));
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
            reviewInProgress();
            aliases();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo data " + RESOURCE, e);
        }
    }
}
