package io.claimtrack.claim;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.claimtrack.facts.ActorKind;

/**
 * A version of an actor that a correction replaced: its name, kind and blocs, known from {@code knownFrom} until
 * {@code correctedAt}, and who corrected which fields and why. Written once.
 */
@Entity
@Table(name = "actor_version")
public class ActorVersionEntity extends ReplacedVersion {

    static final String SEPARATOR = "\u001f";

    @Column(name = "actor_id", nullable = false)
    public Long actorId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public ActorKind kind;

    /** The blocs, separated by {@link #SEPARATOR}: a control character no bloc name may contain (see PlainText). */
    @Column(nullable = false, length = 2200)
    public String blocs;

    /** Keeps the actor as it stands, before the caller changes {@code fields} of it. */
    static void keep(ActorEntity actor, List<String> fields, String by, String reason, Instant now) {
        ActorVersionEntity kept = new ActorVersionEntity();
        kept.actorId = actor.id;
        kept.name = actor.name;
        kept.kind = actor.kind;
        kept.blocs = String.join(SEPARATOR, new TreeSet<>(actor.blocs));
        ActorVersionEntity last = find("actorId = ?1 order by id desc", actor.id).firstResult();
        kept.replaced(last, actor.createdAt, fields, by, reason, now);
    }

    static List<ActorVersionEntity> of(long actorId) {
        return list("actorId = ?1 order by id", actorId);
    }

    /** The version known at {@code at}: the first one corrected after it, or none when the actor's row is. */
    static ActorVersionEntity knownAt(long actorId, Instant at) {
        return ActorVersionEntity.<ActorVersionEntity>find("actorId = ?1 and correctedAt > ?2 order by id", actorId, at)
                .firstResult();
    }

    /** The actor as this version had it, for a view of the past. */
    ActorView view() {
        return new ActorView(actorId, name, kind, blocs.isEmpty() ? new TreeSet<>()
                : new TreeSet<>(Arrays.asList(blocs.split(SEPARATOR))), null, null);
    }
}
