package io.claimtrack.imports;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A client-supplied ref of one of an import's stored claims, looked up by its key alone. */
@Entity
@Table(name = "import_ref")
public class ImportRefEntity extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "job_id") long jobId, @Column(name = "ref") String ref) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "claim_id", nullable = false)
    public long claimId;

    @Column(nullable = false)
    public long line;
}
