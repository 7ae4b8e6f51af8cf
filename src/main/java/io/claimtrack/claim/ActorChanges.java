package io.claimtrack.claim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.Validator;

import org.jboss.logging.Logger;

import io.claimtrack.evaluation.ThreadEvaluation;
import io.claimtrack.refusal.Conflict;
import io.claimtrack.refusal.Contradiction;
import io.claimtrack.refusal.FieldErrors;
import io.claimtrack.refusal.InvalidInput;
import io.claimtrack.refusal.NotFound;
import io.claimtrack.store.JobLeases;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Changes to who an actor is, by the desk's editors: corrections of name, kind and blocs (the version replaced is
 * kept), aliases, and merges of an actor registered twice. Who an actor is decides independence, so a change is
 * committed with a note that the actor's threads owe a re-evaluation; they are then re-evaluated a batch at a
 * time before the request is answered, and a process stopped in between settles the debt at its next start.
 */
@ApplicationScoped
public class ActorChanges {

    private static final Logger LOG = Logger.getLogger(ActorChanges.class);
    private static final Duration REPAIR_LEASE = Duration.ofMinutes(30);

    private final ThreadEvaluation threads;
    private final ActorService actors;
    private final Validator validator;
    private final JobLeases leases;
    private final Clock clock;

    public ActorChanges(ThreadEvaluation threads, ActorService actors, Validator validator, JobLeases leases, Clock clock) {
        this.threads = threads;
        this.actors = actors;
        this.validator = validator;
        this.leases = leases;
        this.clock = clock;
    }

    /** A committed change to an actor and the threads it owes a re-evaluation. */
    private record Change(long actorId, long dueId, List<Long> threadIds, String cause) {
    }

    /** Corrects an actor's name, kind or blocs, with a reason. @return the actor, its threads re-evaluated */
    public ActorView correct(long id, ActorCorrection request, String by) {
        FieldErrors.requireValid(validator, request, "{name, kind, blocs, reason}");
        Change change = committed(() -> {
            ActorEntity actor = live(id, "correct");
            List<String> fields = new ArrayList<>();
            String name = request.name() == null ? actor.name : request.name().strip();
            if (name.isEmpty()) {
                throw new InvalidInput("name", "must not be blank");
            }
            if (!name.equals(actor.name)) {
                Optional<ActorEntity> named = ActorEntity.findByName(name);
                if (named.isPresent() && !named.get().id.equals(actor.id)) {
                    throw new Conflict("name", "\"" + name + "\" already names actor " + named.get().name
                            + " (#" + named.get().id + ")");
                }
                // Its own alias becoming its name is an alias no more.
                ActorAliasEntity.delete("actor.id = ?1 and aliasKey = ?2", actor.id, ActorEntity.keyOf(name));
                fields.add("name");
            }
            if (request.kind() != null && request.kind() != actor.kind) {
                fields.add("kind");
            }
            Set<String> blocs = request.blocs() == null ? actor.blocs
                    : request.blocs().stream().map(String::strip).collect(Collectors.toCollection(TreeSet::new));
            if (!blocs.equals(actor.blocs)) {
                fields.add("blocs");
            }
            if (fields.isEmpty()) {
                throw new InvalidInput("reason", "a correction changes the name, kind or blocs; this one changes none"
                        + " of them");
            }
            String reason = request.reason().strip();
            Instant now = now();
            ActorVersionEntity.keep(actor, fields, by, reason, now);
            actor.name = name;
            actor.nameKey = ActorEntity.keyOf(name);
            actor.kind = request.kind() == null ? actor.kind : request.kind();
            if (!blocs.equals(actor.blocs)) {
                actor.blocs.clear();
                actor.blocs.addAll(blocs);
            }
            return owed(actor.id, ClaimEntity.threadsOfClaimant(actor.id), "actor " + actor.name + " corrected by " + by
                    + " (" + String.join(", ", fields) + "): " + reason, now);
        });
        settle(change);
        return actors.get(id);
    }

    /** Merges actor {@code id}, registered twice, into {@code request.into()}: its claims and aliases go there. */
    public ActorView merge(long id, ActorMerge request, String by) {
        FieldErrors.requireValid(validator, request, "{into, reason}");
        Change change = committed(() -> {
            if (request.into() == id) {
                throw new InvalidInput("into", "an actor cannot be merged into itself");
            }
            if (ActorEntity.findById(request.into()) == null) {
                throw new Contradiction("into", "actor #" + request.into() + " does not exist");
            }
            // Both locked in ascending id order: a merge of A into B and one of B into A never both pass.
            ActorEntity first = ActorEntity.locked(Math.min(id, request.into()));
            ActorEntity second = ActorEntity.locked(Math.max(id, request.into()));
            ActorEntity duplicate = live(first.id == id ? first : second, "merge");
            ActorEntity kept = first.id == id ? second : first;
            if (kept.mergedInto != null) {
                throw new Contradiction("into", "actor #" + kept.id + " was merged into actor #" + kept.mergedInto
                        + ": merge into that one");
            }
            List<Long> owing = ClaimEntity.threadsOfClaimant(duplicate.id);
            Instant now = now();
            String reason = request.reason().strip();
            ClaimEntity.update("claimant = ?1 where claimant = ?2", kept, duplicate);
            ActorAliasEntity.update("actor = ?1 where actor = ?2", kept, duplicate);
            ActorAliasEntity.of(kept, duplicate.name, now, by).persist();
            duplicate.mergedInto = kept.id;
            duplicate.mergedAt = now;
            duplicate.mergedBy = by;
            duplicate.mergeReason = reason;
            return owed(kept.id, owing, "actor " + duplicate.name + " merged into " + kept.name + " by " + by + ": "
                    + reason, now);
        });
        settle(change);
        return actors.get(request.into());
    }

    /** Adds another name a claim may name the actor by. No fact changes: nothing is re-evaluated. */
    public ActorView addAlias(long id, NewAlias request, String by) {
        FieldErrors.requireValid(validator, request, "{alias}");
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ActorEntity actor = live(id, "give an alias to");
                String alias = request.alias().strip();
                ActorEntity.findByName(alias).ifPresent(named -> {
                    throw new Conflict("alias", "\"" + alias + "\" already names " + (named.id.equals(actor.id)
                            ? "this actor" : "actor " + named.name + " (#" + named.id + ")"));
                });
                ActorAliasEntity.of(actor, alias, now(), by).persist();
            });
        } catch (RuntimeException e) {
            if (!ActorNames.takenMeanwhile(e, "uk_actor_alias_key")) {
                throw e;
            }
            throw new Conflict("alias", "\"" + request.alias().strip() + "\" was given to an actor meanwhile");
        }
        return actors.get(id);
    }

    /** Removes an alias: claims recorded under it stay the actor's. */
    public ActorView removeAlias(long id, String alias) {
        QuarkusTransaction.requiringNew().run(() -> {
            ActorEntity.existing(id);
            long removed = ActorAliasEntity.delete("actor.id = ?1 and aliasKey = ?2", id, ActorEntity.keyOf(alias));
            if (removed == 0) {
                throw new NotFound("actor #" + id + " has no alias \"" + alias.strip() + "\"");
            }
        });
        return actors.get(id);
    }

    /** At start, threads owed a re-evaluation by a change a stopped process committed are re-evaluated. */
    void onStart(@Observes @Priority(160) StartupEvent start) {
        if (!leases.claim(JobLeases.START_UP_REPAIR, REPAIR_LEASE)) {
            return; // another instance is repairing; the next start of this one looks again
        }
        try {
            List<ActorReevaluationDueEntity> owed = QuarkusTransaction.requiringNew()
                    .call(() -> ActorReevaluationDueEntity.<ActorReevaluationDueEntity>listAll());
            for (ActorReevaluationDueEntity due : owed) {
                List<Long> threadIds = QuarkusTransaction.requiringNew().call(() -> ClaimEntity.threadsOfClaimant(due.actorId));
                LOG.infof("Re-evaluating the %d threads of actor #%d a stopped process left owed (%s)", threadIds.size(),
                        due.actorId, due.cause);
                settle(new Change(due.actorId, due.id, threadIds, due.cause));
            }
        } finally {
            leases.release(JobLeases.START_UP_REPAIR);
        }
    }

    private void settle(Change change) {
        threads.reevaluateChangedInBatches(change.threadIds(), change.cause());
        QuarkusTransaction.requiringNew().run(() -> ActorReevaluationDueEntity.deleteById(change.dueId()));
    }

    private static Change owed(long actorId, List<Long> threadIds, String cause, Instant now) {
        ActorReevaluationDueEntity due = ActorReevaluationDueEntity.of(actorId, cause, now);
        return new Change(actorId, due.id, threadIds, due.cause);
    }

    /** Runs a change in a transaction of its own; a name taken meanwhile by another writer is a 409. */
    private static Change committed(Supplier<Change> change) {
        try {
            return QuarkusTransaction.requiringNew().call(change::get);
        } catch (RuntimeException e) {
            if (ActorNames.takenMeanwhile(e)) {
                throw new Conflict("name", "the name was given to another actor meanwhile");
            }
            throw e;
        }
    }

    /** The actor, locked, unless it was merged into another. */
    private static ActorEntity live(long id, String what) {
        return live(ActorEntity.locked(id), what);
    }

    private static ActorEntity live(ActorEntity actor, String what) {
        if (actor.mergedInto != null) {
            throw new Contradiction("actor", "actor #" + actor.id + " was merged into actor #" + actor.mergedInto + ": "
                    + what + " that one");
        }
        return actor;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
