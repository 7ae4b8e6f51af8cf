package io.claimtrack.claim;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.claimtrack.facts.ActorKind;

/** A correction of an actor: any of its name, kind and blocs (the whole set), with the reason (required). */
public record ActorCorrection(
        @Size(max = 200, message = "must be at most 200 characters") @PlainText String name,
        ActorKind kind,
        @Size(max = 20, message = "at most 20 blocs")
        Set<@NotBlank(message = "a bloc name must not be blank")
            @Size(max = 100, message = "a bloc name must be at most 100 characters") @PlainText String> blocs,
        @NotBlank(message = "is required: say why the actor is corrected")
        @Size(max = 2000, message = "must be at most 2000 characters") @PlainText String reason) {
}
