package io.claimtrack.claim;

import java.time.Clock;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

import io.claimtrack.refusal.NotFound;
import io.claimtrack.refusal.Refusal;
import io.claimtrack.refusal.Contradiction;
import io.claimtrack.refusal.Conflict;

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
    public ActorView register(NewActor request, String by) {
        if (QuarkusTransaction.isActive()) {
            return ActorView.of(record(request, by));
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> ActorView.of(record(request, by)));
        } catch (RuntimeException e) {
            if (!ActorNames.takenMeanwhile(e)) {
                throw e;
            }
            throw new Conflict("name", "an actor named \"" + request.name().strip() + "\" already exists");
        }
    }

    /** Every actor, by name (any case). */
    @Transactional
    public List<ActorView> all() {
        return ActorEntity.<ActorEntity>listAll(Sort.by("nameKey")).stream().map(ActorView::of).toList();
    }

    @Transactional
    public ActorView get(long id) {
        ActorEntity actor = ActorEntity.findById(id);
        if (actor == null) {
            throw NotFound.of("actor", id);
        }
        return ActorView.of(actor);
    }

    /**
     * Registers an actor in the caller's transaction. A taken name is refused (an {@link Refusal})
     * before anything is written, so the caller's transaction stays usable.
     */
    public ActorEntity record(NewActor request, String by) {
        seen.find(request.name()).ifPresent(existing -> {
            throw new Conflict("name", "an actor named \"" + existing.name + "\" already exists (id "
                    + existing.id + ")");
        });
        ActorEntity actor = ActorEntity.create(request.name(), request.kind(), request.blocsOrEmpty(), clock.instant(), by);
        actor.persist();
        seen.add(actor);
        return actor;
    }

    /**
     * The claimant of a claim: a registered actor. An unknown name is the submitter's error, never a new actor
     * made up on the spot: who an actor is (kind, blocs) decides independence, and a guess would decide it wrongly.
     * Runs in the caller's transaction and is not itself transactional: a refusal thrown through a transactional
     * method would mark the caller's transaction for rollback, and an import stores many lines in one.
     */
    ActorEntity claimant(String name) {
        return seen.find(name).orElseThrow(() -> new Contradiction("claimant", "no actor is named \""
                + name.strip() + "\": register it first (POST /api/actors with name, kind and blocs)"));
    }
}
