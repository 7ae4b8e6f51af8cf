package io.claimtrack;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * A start made only to be recorded: with {@code claimtrack.training-start=true} the application exits as
 * soon as it has started (after every other start-up step). The package step runs it so, under
 * {@code -XX:ArchiveClassesAtExit}, to write the class-data archive the README's run command uses: the
 * classes a start loads, already parsed and verified, mapped from one file (see README, "Performance").
 */
@ApplicationScoped
public class TrainingStart {

    private static final Logger LOG = Logger.getLogger(TrainingStart.class);

    void onStart(@Observes @Priority(10_000) StartupEvent start,
                 @ConfigProperty(name = "claimtrack.training-start", defaultValue = "false") boolean training) {
        if (training) {
            LOG.info("Training start done: exiting, so the JVM writes its class-data archive");
            Quarkus.asyncExit(0);
        }
    }
}
