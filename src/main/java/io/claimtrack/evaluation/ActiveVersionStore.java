package io.claimtrack.evaluation;

import io.claimtrack.rules.CompiledRuleset;

/**
 * Which ruleset version the database says is active, implemented where rulesets are stored. The compiled
 * ruleset an instance keeps in memory is only a cache of it: another instance may have activated another
 * version since.
 */
public interface ActiveVersionStore {

    /** The stored active version, read in the caller's transaction. */
    int activeVersion();

    /** The stored active version, compiled. */
    CompiledRuleset compileActive();
}
