package io.claimtrack.store;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the store cannot take writes (see {@link StoreHealth}). */
@Readiness
@ApplicationScoped
public class StoreReadinessCheck implements HealthCheck {

    private final StoreHealth store;

    public StoreReadinessCheck(StoreHealth store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        return store.check();
    }
}
