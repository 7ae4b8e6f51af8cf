package io.claimtrack.rules;

import org.kie.api.KieBase;

/** A ruleset version compiled once into a knowledge base; every evaluation opens a session on it. */
public record CompiledRuleset(int version, KieBase kieBase) {
}
