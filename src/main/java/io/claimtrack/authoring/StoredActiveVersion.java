package io.claimtrack.authoring;

import jakarta.enterprise.context.ApplicationScoped;

import io.claimtrack.evaluation.ActiveVersionStore;
import io.claimtrack.rules.CompiledRuleset;
import io.claimtrack.rules.RulesetCompilationException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The active version as stored, for evaluation to check its in-memory ruleset against. */
@ApplicationScoped
public class StoredActiveVersion implements ActiveVersionStore {

    private final RulesetValidator validator;

    public StoredActiveVersion(RulesetValidator validator) {
        this.validator = validator;
    }

    @Override
    public int activeVersion() {
        return RulesetEntity.getEntityManager()
                .createQuery("select r.version from RulesetEntity r where r.state = ?1", Integer.class)
                .setParameter(1, RulesetState.ACTIVE).getSingleResult();
    }

    @Override
    public CompiledRuleset compileActive() {
        RulesetEntity active = QuarkusTransaction.joiningExisting().call(() -> RulesetEntity.active().orElseThrow());
        Validation validation = validator.validate(active.version, active.files);
        if (!validation.valid()) {
            throw new RulesetCompilationException("Active ruleset v" + active.version, validation.problems());
        }
        return validation.compiled();
    }
}
