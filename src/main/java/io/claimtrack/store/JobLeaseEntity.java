package io.claimtrack.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Who runs a cluster-wide job, and until when (see {@link JobLeases}). */
@Entity
@Table(name = "job_lease")
public class JobLeaseEntity extends PanacheEntityBase {

    @Id
    public String job;

    public String holder;

    @Column(name = "lease_until", nullable = false)
    public Instant leaseUntil;
}
