package io.claimtrack.rules;

import java.time.Duration;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;

/** Gives the rule evaluation pools their limits from configuration, before anything is evaluated. */
public class RuleBoundsConfig {

    void configure(@Observes StartupEvent start,
                   @ConfigProperty(name = "claimtrack.rules.budget") Duration budget,
                   @ConfigProperty(name = "claimtrack.rules.heap-share") double heapShare,
                   @ConfigProperty(name = "claimtrack.rules.allocation-budget") MemorySize allocationBudget,
                   @ConfigProperty(name = "claimtrack.rules.draft-allocation-budget") MemorySize draftAllocationBudget) {
        BoundedRun.configure(budget, heapShare, allocationBudget.asLongValue(), draftAllocationBudget.asLongValue());
    }
}
