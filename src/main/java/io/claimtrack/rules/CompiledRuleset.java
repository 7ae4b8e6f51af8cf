package io.claimtrack.rules;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieContainerSessionsPool;
import org.kie.api.runtime.KieSession;

/**
 * A ruleset version compiled once into a knowledge base. Evaluations take their sessions from a pool:
 * a disposed pooled session is reset and reused, which spares building the node memories of a new
 * session for every thread evaluated (most threads are a handful of claims).
 */
public record CompiledRuleset(int version, KieBase kieBase, KieContainerSessionsPool sessions) {

    /** A session with empty working memory; dispose it to give it back. */
    public KieSession newSession() {
        return sessions.newKieSession();
    }
}
