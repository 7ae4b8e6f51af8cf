package io.claimtrack.rules;

import java.util.HashSet;
import java.util.Set;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * One dispute thread's facts kept in a live session between evaluations (a "warm" thread): a new claim is
 * inserted into it and fired, instead of the whole thread being read and evaluated again. Built and
 * advanced only by {@link PolicyEvaluator}, within the bounds of a run; used by one caller at a time
 * (the one holding the thread's lock). Its owner says which stored state of the thread it reflects.
 */
public final class ThreadSession {

    private final CompiledRuleset ruleset;
    final KieSession session;
    final ConclusionsInMemory conclusions;
    final FactHandle now;
    final Set<Long> claimIds = new HashSet<>();
    private volatile boolean broken;
    private boolean closed;

    ThreadSession(CompiledRuleset ruleset, KieSession session, ConclusionsInMemory conclusions, FactHandle now) {
        this.ruleset = ruleset;
        this.session = session;
        this.conclusions = conclusions;
        this.now = now;
    }

    /** Whether it was built under this very compiled ruleset: it answers for no other. */
    public boolean builtUnder(CompiledRuleset compiled) {
        return ruleset == compiled;
    }

    CompiledRuleset ruleset() {
        return ruleset;
    }

    /** How many claims it holds: its weight in memory. */
    public int claims() {
        return claimIds.size();
    }

    /** False once a run over it failed or was stopped: its memory may be half-propagated, never to be used again. */
    public boolean usable() {
        return !broken;
    }

    void broke() {
        broken = true;
    }

    /** Frees the session; it cannot be used afterwards. */
    public synchronized void close() {
        broken = true;
        if (!closed) {
            closed = true;
            session.destroy();
        }
    }
}
