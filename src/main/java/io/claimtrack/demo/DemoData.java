package io.claimtrack.demo;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.claimtrack.claim.NewActor;
import io.claimtrack.claim.NewClaim;

/**
 * The demo scenario file: actors, then claims in order. A claim names the claim it points at by the
 * {@code ref} of an earlier claim in the file, since ids are only known once stored.
 */
@JsonIgnoreProperties("_about")
record DemoData(List<NewActor> actors, List<DemoClaim> claims) {

    record DemoClaim(String ref, String text, String claimant, String topic, Instant assertedAt,
                     NewClaim.SourceInput source, String quote, String disputes, String supports, String retracts) {
    }
}
