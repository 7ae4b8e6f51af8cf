package io.claimtrack.claim;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.Collection;
import java.util.SortedSet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Another name the desk knows an actor by: a claim naming it is the actor's. Unique regardless of case. */
@Entity
@Table(name = "actor_alias")
public class ActorAliasEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "actor_id")
    public ActorEntity actor;

    @Column(nullable = false)
    public String alias;

    @Column(name = "alias_key", nullable = false, unique = true)
    public String aliasKey;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    @Column(name = "added_by", nullable = false)
    public String addedBy;

    static ActorAliasEntity of(ActorEntity actor, String alias, Instant at, String by) {
        ActorAliasEntity entity = new ActorAliasEntity();
        entity.actor = actor;
        entity.alias = alias.strip();
        entity.aliasKey = ActorEntity.keyOf(alias);
        entity.addedAt = at;
        entity.addedBy = by;
        return entity;
    }

    /** The aliases of these actors, by actor, each sorted: one query however many actors. */
    static Map<Long, SortedSet<String>> of(Collection<Long> actorIds) {
        Map<Long, SortedSet<String>> byActor = new HashMap<>();
        if (!actorIds.isEmpty()) {
            for (Object[] row : getEntityManager().createQuery("select a.actor.id, a.alias from ActorAliasEntity a"
                    + " where a.actor.id in ?1", Object[].class).setParameter(1, actorIds).getResultList()) {
                byActor.computeIfAbsent((Long) row[0], id -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)).add((String) row[1]);
            }
        }
        return byActor;
    }

    static List<ActorAliasEntity> ofActor(long actorId) {
        return list("actor.id = ?1 order by id", actorId);
    }
}
