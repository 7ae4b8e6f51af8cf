package io.claimtrack.claim;

import java.util.SortedSet;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.claimtrack.facts.ActorKind;

/**
 * An actor as the API shows it. {@code aliases} (the other names a claim may name it by) and {@code mergedInto}
 * are shown where the actor itself is asked for, not with every claim.
 */
public record ActorView(long id, String name, ActorKind kind, SortedSet<String> blocs,
                        @JsonInclude(JsonInclude.Include.NON_NULL) SortedSet<String> aliases,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Long mergedInto) {

    static ActorView of(ActorEntity actor) {
        return new ActorView(actor.id, actor.name, actor.kind, new TreeSet<>(actor.blocs), null, null);
    }

    static ActorView of(ActorEntity actor, SortedSet<String> aliases) {
        return new ActorView(actor.id, actor.name, actor.kind, new TreeSet<>(actor.blocs),
                aliases == null ? new TreeSet<>() : aliases, actor.mergedInto);
    }
}
