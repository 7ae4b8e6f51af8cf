package io.claimtrack.claim;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.transaction.TransactionScoped;

/**
 * The actors the current transaction has looked up or created, by name. A bulk import names the same
 * few hundred claimants thousands of times; each is queried once per transaction, not once per claim.
 */
@TransactionScoped
public class ActorsInTransaction {

    private final Map<String, ActorEntity> byKey = new HashMap<>();

    Optional<ActorEntity> find(String name) {
        String key = ActorEntity.keyOf(name);
        ActorEntity known = byKey.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ActorEntity> stored = ActorEntity.findByName(name);
        stored.ifPresent(actor -> {
            add(actor);
            byKey.put(key, actor); // the name asked for may be an alias
        });
        return stored;
    }

    void add(ActorEntity actor) {
        byKey.put(actor.nameKey, actor);
    }
}
