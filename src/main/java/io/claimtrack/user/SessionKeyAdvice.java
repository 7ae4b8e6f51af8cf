package io.claimtrack.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * On PostgreSQL, where several instances may serve one database, says at start when the sign-in key is this
 * instance's own (from its data directory): a sign-in on one instance is then unknown to the others.
 */
@ApplicationScoped
public class SessionKeyAdvice {

    private static final Logger LOG = Logger.getLogger(SessionKeyAdvice.class);

    void onStart(@Observes StartupEvent start, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                 @ConfigProperty(name = "claimtrack.data-dir") String dataDir) {
        String shared = System.getenv("CLAIMTRACK_SESSION_KEY");
        if (url.startsWith("jdbc:postgresql:") && (shared == null || shared.isBlank())) {
            LOG.infof("The sign-in key is this instance's own (%s/%s). When several instances serve this database,"
                    + " give each the same CLAIMTRACK_SESSION_KEY, or a sign-in on one is unknown to the others.",
                    dataDir, SessionKeySource.FILE);
        }
    }
}
