package io.claimtrack.claim;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The threads of an actor owe a re-evaluation: written with a change to the actor, deleted once every thread
 * with a claim of the actor's has been re-evaluated. One left behind by a stopped process is settled at start.
 */
@Entity
@Table(name = "actor_reevaluation_due")
public class ActorReevaluationDueEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "actor_id", nullable = false)
    public Long actorId;

    @Column(nullable = false, length = 500)
    public String cause;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static ActorReevaluationDueEntity of(long actorId, String cause, Instant at) {
        ActorReevaluationDueEntity due = new ActorReevaluationDueEntity();
        due.actorId = actorId;
        due.cause = cause.length() <= 500 ? cause : cause.substring(0, 499) + "…";
        due.createdAt = at;
        due.persist();
        return due;
    }
}
