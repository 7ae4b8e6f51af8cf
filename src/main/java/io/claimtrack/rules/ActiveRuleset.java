package io.claimtrack.rules;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The compiled ruleset every evaluation uses. Swapping it is one atomic reference write, so an
 * evaluation runs wholly under one version. Which version is active is decided by the authoring
 * service (and, at start, by what the database says is ACTIVE).
 */
@ApplicationScoped
public class ActiveRuleset {

    private volatile CompiledRuleset current;

    public CompiledRuleset get() {
        CompiledRuleset ruleset = current;
        if (ruleset == null) {
            throw new IllegalStateException("No ruleset is active yet");
        }
        return ruleset;
    }

    public boolean isReady() {
        return current != null;
    }

    public void set(CompiledRuleset ruleset) {
        current = ruleset;
    }
}
