package io.claimtrack.claim;

import java.time.Clock;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.claimtrack.facts.ActorKind;
import io.claimtrack.problem.ApiException;

@ApplicationScoped
public class ActorService {

    private final Clock clock;
    private final ActorsInTransaction seen;

    public ActorService(Clock clock, ActorsInTransaction seen) {
        this.clock = clock;
        this.seen = seen;
    }

    /**
     * Registers an actor in a transaction of its own (or the caller's). Of two registrations of one new
     * name at once, the one that loses the race on the unique name is a 409, like any taken name.
     */
    public ActorEntity register(NewActor request, String by) {
        return ActorNames.inTransaction(() -> record(request, by), () -> {
            throw ApiException.conflict("name", "an actor named \"" + request.name().strip() + "\" already exists");
        });
    }

    /**
     * Registers an actor in the caller's transaction. A taken name is refused (an {@link ApiException})
     * before anything is written, so the caller's transaction stays usable.
     */
    public ActorEntity record(NewActor request, String by) {
        seen.find(request.name()).ifPresent(existing -> {
            throw ApiException.conflict("name", "an actor named \"" + existing.name + "\" already exists (id "
                    + existing.id + ")");
        });
        ActorEntity actor = ActorEntity.create(request.name(), request.kind(), request.blocsOrEmpty(), clock.instant(), by);
        actor.persist();
        seen.add(actor);
        return actor;
    }

    /** The claimant of a claim: a known actor, or a new one of kind OTHER in no bloc. */
    @Transactional(Transactional.TxType.MANDATORY)
    ActorEntity claimant(String name, String by) {
        return seen.find(name).orElseGet(() -> {
            ActorEntity actor = ActorEntity.create(name, ActorKind.OTHER, Set.of(), clock.instant(), by);
            actor.persist();
            seen.add(actor);
            return actor;
        });
    }
}
