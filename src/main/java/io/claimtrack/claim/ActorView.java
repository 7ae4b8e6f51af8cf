package io.claimtrack.claim;

import java.util.SortedSet;
import java.util.TreeSet;

import io.claimtrack.facts.ActorKind;

public record ActorView(long id, String name, ActorKind kind, SortedSet<String> blocs) {

    static ActorView of(ActorEntity actor) {
        return new ActorView(actor.id, actor.name, actor.kind, new TreeSet<>(actor.blocs));
    }
}
