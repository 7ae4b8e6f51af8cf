package io.claimtrack.rules;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import org.flywaydb.core.Flyway;

/** Ready once the policy is compiled and the database schema is fully migrated. */
@Readiness
@ApplicationScoped
public class RulesReadinessCheck implements HealthCheck {

    private final ActiveRuleset activeRuleset;
    private final Flyway flyway;

    public RulesReadinessCheck(ActiveRuleset activeRuleset, Flyway flyway) {
        this.activeRuleset = activeRuleset;
        this.flyway = flyway;
    }

    @Override
    public HealthCheckResponse call() {
        boolean ready = activeRuleset.isReady();
        int pending = flyway.info().pending().length;
        return HealthCheckResponse.named("claimtrack")
                .status(ready && pending == 0)
                .withData("rulesetVersion", ready ? activeRuleset.get().version() : -1)
                .withData("pendingMigrations", pending)
                .build();
    }
}
