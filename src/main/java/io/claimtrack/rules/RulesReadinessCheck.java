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
        CompiledRuleset ruleset = activeRuleset.get();
        int pending = flyway.info().pending().length;
        return HealthCheckResponse.named("claimtrack")
                .status(ruleset != null && pending == 0)
                .withData("rulesetVersion", ruleset == null ? -1 : ruleset.version())
                .withData("pendingMigrations", pending)
                .build();
    }
}
