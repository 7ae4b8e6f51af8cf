package io.claimtrack.claim;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.claimtrack.facts.ActorKind;

/** An actor to register. Names are unique regardless of case. */
public record NewActor(
        @NotBlank(message = "must not be blank")
        @Size(max = 200, message = "must be at most 200 characters")
        @PlainText
        String name,

        @NotNull(message = "is required: one of STATE, MILITARY, INTERNATIONAL_ORG, MEDIA, NGO, PERSON, OTHER")
        ActorKind kind,

        @Size(max = 20, message = "at most 20 blocs")
        Set<@NotBlank(message = "a bloc name must not be blank")
            @Size(max = 100, message = "a bloc name must be at most 100 characters") @PlainText String> blocs) {

    public Set<String> blocsOrEmpty() {
        return blocs == null ? Set.of() : blocs;
    }
}
