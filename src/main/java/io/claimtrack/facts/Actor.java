package io.claimtrack.facts;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Who makes statements. Equality is by name: names are unique in the store.
 * Independence and neutrality are definitions of the model (see the README, "The policy"), which the policy uses.
 */
public final class Actor {

    private static final Set<ActorKind> NEUTRAL_KINDS =
            EnumSet.of(ActorKind.MEDIA, ActorKind.NGO, ActorKind.INTERNATIONAL_ORG);

    private final String name;
    private final ActorKind kind;
    private final SortedSet<String> blocs;

    public Actor(String name, ActorKind kind, Set<String> blocs) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.blocs = Collections.unmodifiableSortedSet(new TreeSet<>(blocs == null ? Set.of() : blocs));
    }

    public String getName() {
        return name;
    }

    public ActorKind getKind() {
        return kind;
    }

    public SortedSet<String> getBlocs() {
        return blocs;
    }

    /** Two actors are independent when they are different and share no bloc. */
    public boolean isIndependentOf(Actor other) {
        return other != null && !equals(other) && Collections.disjoint(blocs, other.blocs);
    }

    /** A media outlet, NGO or international organisation that belongs to no bloc. */
    public boolean isNeutral() {
        return blocs.isEmpty() && NEUTRAL_KINDS.contains(kind);
    }

    public SortedSet<String> sharedBlocs(Actor other) {
        SortedSet<String> shared = new TreeSet<>(blocs);
        shared.retainAll(other.blocs);
        return shared;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Actor other && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
