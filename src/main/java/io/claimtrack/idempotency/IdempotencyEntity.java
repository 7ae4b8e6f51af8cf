package io.claimtrack.idempotency;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The first response to a (user, Idempotency-Key), replayed to retries for 24 hours. */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyEntity.Key.class)
public class IdempotencyEntity extends PanacheEntityBase {

    public static final String IN_FLIGHT = "IN_FLIGHT";
    public static final String DONE = "DONE";

    @Id
    public String username;

    @Id
    @Column(name = "idem_key")
    public String key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(nullable = false)
    public String state;

    @Column(name = "status_code")
    public Integer statusCode;

    public String location;

    @Column(length = 1_000_000)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static class Key implements Serializable {
        public String username;
        public String key;

        public Key() {
        }

        public Key(String username, String key) {
            this.username = username;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(username, other.username) && Objects.equals(key, other.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(username, key);
        }
    }
}
