package io.claimtrack.claim;

import java.time.Clock;

import java.util.List;
import java.util.SortedSet;
import java.util.Map;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

import io.claimtrack.facts.ActorKind;
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

    /** Every actor (not those merged into another), by name (any case), with its aliases. */
    @Transactional
    public List<ActorView> all() {
        List<ActorEntity> actors = ActorEntity.list("mergedInto is null", Sort.by("nameKey"));
        Map<Long, SortedSet<String>> aliases = ActorAliasEntity.of(actors.stream().map(a -> a.id).toList());
        return actors.stream().map(actor -> ActorView.of(actor, aliases.get(actor.id))).toList();
    }

    /**
     * Names and aliases a claim may name, by name (any case), at most {@code limit}: what the submit form
     * suggests as you type.
     */
    @Transactional
    public List<String> names(int limit) {
        List<String> names = new ArrayList<>(ActorEntity.getEntityManager().createQuery("select a.name from ActorEntity a"
                + " where a.mergedInto is null union all select l.alias from ActorAliasEntity l", String.class)
                .setMaxResults(limit).getResultList());
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
    }

    /** The actor with its aliases (and, merged into another, which). */
    @Transactional
    public ActorView get(long id) {
        ActorEntity actor = ActorEntity.existing(id);
        return ActorView.of(actor, ActorAliasEntity.of(List.of(id)).get(id));
    }

    /** Corrections of the actor, aliases given to it and actors merged into it (or it into another), oldest first. */
    @Transactional
    public List<ActorHistoryEntry> history(long id) {
        ActorEntity actor = ActorEntity.existing(id);
        List<ActorHistoryEntry> entries = new ArrayList<>();
        for (ActorVersionEntity replaced : ActorVersionEntity.of(id)) {
            entries.add(new ActorHistoryEntry(replaced.correctedAt, "CORRECTION", replaced.correctedBy,
                    replaced.correctedBy + " corrected " + replaced.fields.replace(",", ", ") + " (was " + replaced.name
                            + ", " + replaced.kind + ", " + (replaced.view().blocs().isEmpty() ? "no bloc"
                            : "blocs " + replaced.view().blocs()) + "): " + replaced.reason));
        }
        for (ActorAliasEntity alias : ActorAliasEntity.ofActor(id)) {
            entries.add(new ActorHistoryEntry(alias.addedAt, "ALIAS", alias.addedBy, alias.addedBy + " gave the alias \""
                    + alias.alias + "\""));
        }
        for (ActorEntity merged : ActorEntity.<ActorEntity>list("mergedInto = ?1", id)) {
            entries.add(merge(merged, actor));
        }
        if (actor.mergedInto != null) {
            entries.add(merge(actor, ActorEntity.findById(actor.mergedInto)));
        }
        entries.sort(java.util.Comparator.comparing(ActorHistoryEntry::at));
        return entries;
    }

    private static ActorHistoryEntry merge(ActorEntity merged, ActorEntity kept) {
        return new ActorHistoryEntry(merged.mergedAt, "MERGE", merged.mergedBy, merged.mergedBy + " merged actor "
                + merged.name + " (#" + merged.id + ") into " + kept.name + " (#" + kept.id + "): " + merged.mergeReason);
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
        return claimant(name, null, null, null);
    }

    /** The registered actor of that name, if any, looked up once per transaction (see {@link ActorsInTransaction}). */
    Optional<ActorEntity> known(String name) {
        return seen.find(name);
    }

    /**
     * The claimant, or, when the claim says how ({@code kind}, and {@code blocs}), a new actor registered with
     * it. An unknown name without a kind is a 422 naming the closest registered names: a typo must not become
     * an actor the rules then treat as someone else. A known name with a kind or blocs that differ from the
     * registered ones is a 422 too, rather than one of the two silently winning.
     */
    ActorEntity claimant(String name, ActorKind kind, Set<String> blocs, String by) {
        Optional<ActorEntity> known = seen.find(name);
        if (known.isPresent()) {
            ActorEntity actor = known.get();
            if ((kind != null && kind != actor.kind) || (blocs != null && !blocs.stream().map(String::strip).collect(Collectors.toSet()).equals(actor.blocs))) {
                throw new Contradiction("claimantKind", actor.name + " is registered as " + actor.kind + " in "
                        + (actor.blocs.isEmpty() ? "no bloc" : "the blocs " + actor.blocs)
                        + ": leave claimantKind and claimantBlocs out to use it as it is");
            }
            return actor;
        }
        if (kind != null) {
            return record(new NewActor(name, kind, blocs), by);
        }
        List<String> closest = ClosestNames.to(name, ActorEntity.allNames(), 3);
        throw new Contradiction("claimant", "no actor is named \"" + name.strip() + "\""
                + (closest.isEmpty() ? "" : "; the closest: " + String.join(", ", closest))
                + ". Name a registered actor, or register this one with the claim (claimantKind, and claimantBlocs)"
                + " or first (POST /api/actors)");
    }
}
