package io.claimtrack.claim;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.claimtrack.facts.Actor;
import io.claimtrack.facts.ActorKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "actor")
public class ActorEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(name = "name_key", nullable = false, unique = true)
    public String nameKey;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public ActorKind kind;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "actor_bloc", joinColumns = @JoinColumn(name = "actor_id"))
    @Column(name = "bloc")
    public Set<String> blocs = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** The actor this one was merged into (the same speaker registered twice); its name is then an alias of it. */
    @Column(name = "merged_into")
    public Long mergedInto;

    @Column(name = "merged_at")
    public Instant mergedAt;

    @Column(name = "merged_by")
    public String mergedBy;

    @Column(name = "merge_reason", length = 2000)
    public String mergeReason;

    public static ActorEntity create(String name, ActorKind kind, Set<String> blocs, Instant now, String by) {
        ActorEntity actor = new ActorEntity();
        actor.name = name.strip();
        actor.nameKey = keyOf(name);
        actor.kind = kind;
        blocs.forEach(bloc -> actor.blocs.add(bloc.strip()));
        actor.createdAt = now;
        actor.createdBy = by;
        return actor;
    }

    /** The actor a claim naming {@code name} is by: the live actor of that name, or the one with that alias. */
    public static Optional<ActorEntity> findByName(String name) {
        // Actors and aliases are inserted when persisted (identity ids), so nothing pending in the session can
        // change this answer: spare the flush (a dirty check of every managed entity) a query would cause.
        Optional<ActorEntity> named = getEntityManager()
                .createQuery("from ActorEntity where nameKey = ?1 and mergedInto is null", ActorEntity.class)
                .setParameter(1, keyOf(name)).setFlushMode(FlushModeType.COMMIT).getResultStream().findFirst();
        return named.isPresent() ? named : getEntityManager()
                .createQuery("select a.actor from ActorAliasEntity a where a.aliasKey = ?1", ActorEntity.class)
                .setParameter(1, keyOf(name)).setFlushMode(FlushModeType.COMMIT).getResultStream().findFirst();
    }

    /**
     * The actor, row-locked until the transaction ends: changes to actors (corrections, aliases, merges) take
     * their actors' locks in ascending id order, so two of them never pass their checks on the same actor at once.
     */
    static ActorEntity locked(long id) {
        ActorEntity actor = findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (actor == null) {
            throw io.claimtrack.refusal.NotFound.of("actor", id);
        }
        getEntityManager().refresh(actor);
        return actor;
    }

    /** The actor, or 404 for the client. */
    static ActorEntity existing(long id) {
        ActorEntity actor = findById(id);
        if (actor == null) {
            throw io.claimtrack.refusal.NotFound.of("actor", id);
        }
        return actor;
    }

    /** Every registered name, for suggesting the closest to a name nobody registered (tens of thousands at most). */
    static List<String> allNames() {
        return getEntityManager().createQuery("select a.name from ActorEntity a where a.mergedInto is null"
                        + " union all select l.alias from ActorAliasEntity l", String.class)
                .setFlushMode(FlushModeType.COMMIT).setMaxResults(200_000).getResultList();
    }

    /** Names are unique regardless of case and surrounding blanks. */
    /** How names compare: whole, without surrounding spaces, in any case. */
    public static String keyOf(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    public Actor toFact() {
        return new Actor(name, kind, blocs);
    }
}
